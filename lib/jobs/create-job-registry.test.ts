import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJobRegistry } from './create-job-registry.ts';
import { defineJob } from './job-definition.ts';

const job = (name: string) => defineJob({ name, schema: z.object({}), handler: async () => null });

describe('createJobRegistry', () => {
  it('keys the definitions by name', () => {
    const registry = createJobRegistry([job('a'), job('b')]);
    expect([...registry.keys()]).toEqual(['a', 'b']);
    expect(registry.get('b')!.name).toBe('b');
  });

  it('refuses two definitions with one name', () => {
    expect(() => createJobRegistry([job('a'), job('a')])).toThrow(/"a" is registered twice/);
  });
});
