// Thin route handlers: every error becomes a JSON { error: { code, message } } with the right status;
// nothing is swallowed into a bare 500. Every handler needs a signed-in user (401 otherwise), with the role
// given (403 otherwise): reviewer by default, `{ role: 'admin' }` for upload, delete, export and training.
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { isAppError } from '@/lib/errors/app-error.ts';
import type { SessionUser } from '@/lib/auth/auth.ts';
import { requireUser } from '@/lib/auth/require-user.ts';
import type { Role } from '@/lib/auth/roles.ts';

export function errorResponse(e: unknown): NextResponse {
  if (isAppError(e)) {
    return NextResponse.json({ error: { code: e.code, message: e.message, details: e.details } }, { status: e.httpStatus });
  }
  if (e instanceof ZodError) {
    const message = e.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    return NextResponse.json({ error: { code: 'INVALID_INPUT', message } }, { status: 400 });
  }
  console.error(e);
  const message = e instanceof Error ? e.message : String(e);
  return NextResponse.json({ error: { code: 'INTERNAL', message: `Unexpected server error: ${message}` } }, { status: 500 });
}

export function route<Ctx>(fn: (req: Request, ctx: Ctx, user: SessionUser) => Promise<Response | unknown>, opts: { role?: Role } = {}) {
  return async (req: Request, ctx: Ctx): Promise<Response> => {
    try {
      const user = await requireUser(req, opts.role ?? 'reviewer');
      const out = await fn(req, ctx, user);
      return out instanceof Response ? out : NextResponse.json(out ?? { ok: true });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    return {};
  }
}
