import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatZodError } from './format-zod-error.ts';

const schema = z.object({ name: z.string().min(1, 'Give the project a name'), a: z.object({ b: z.number() }) });

describe('formatZodError', () => {
  it('writes each issue with its path, as zod prettifies it', () => {
    const r = schema.safeParse({ name: '', a: { b: 'x' } });
    expect(r.success).toBe(false);
    expect(formatZodError(r.error!)).toBe(
      '✖ Give the project a name\n  → at name\n✖ Invalid input: expected number, received string\n  → at a.b',
    );
  });

  it('an issue at the root has no path line', () => {
    expect(formatZodError(z.string().safeParse(3).error!)).toBe('✖ Invalid input: expected string, received number');
  });
});
