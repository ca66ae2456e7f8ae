// Validation at an edge (request body or query, form, CLI flags): input that fails the use case's schema is an
// INVALID_INPUT AppError carrying zod's formatted message, never a bare ZodError.
import type { z } from 'zod';
import { AppError } from './app-error.ts';
import { formatZodError } from './format-zod-error.ts';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', formatZodError(parsed.error));
  return parsed.data;
}
