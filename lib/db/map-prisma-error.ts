import { AppError } from '../errors/app-error.ts';

/** Prisma's known request errors → AppError (P2002 unique → CONFLICT, P2025 missing → NOT_FOUND). */
export function mapPrismaError(e: unknown, messages: { conflict?: string; notFound?: string } = {}): unknown {
  const code = (e as { code?: unknown })?.code;
  if (code === 'P2002') return new AppError('CONFLICT', messages.conflict ?? 'This already exists.');
  if (code === 'P2025') return new AppError('NOT_FOUND', messages.notFound ?? 'Not found.');
  return e;
}
