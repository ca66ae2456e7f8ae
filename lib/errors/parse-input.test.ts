import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from './parse-input.ts';

const schema = z.object({ name: z.string().min(1, 'Give the project a name'), a: z.object({ b: z.number() }) });

describe('parseInput', () => {
  it('returns the parsed output', () => {
    expect(parseInput(schema.extend({ n: z.coerce.number().default(2) }), { name: 'x', a: { b: 1 } })).toEqual({ name: 'x', a: { b: 1 }, n: 2 });
  });

  it('throws INVALID_INPUT with the formatted message, not a ZodError', () => {
    expect(() => parseInput(schema, { a: { b: 1 } })).toThrow(expect.objectContaining({
      name: 'AppError',
      code: 'INVALID_INPUT',
      message: '✖ Invalid input: expected string, received undefined\n  → at name',
    }));
  });
});
