// Thin route handlers: every error becomes a JSON { error: { code, message } } with the right status;
// nothing is swallowed into a bare 500.
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { isAppError } from '@/lib/errors/app-error.ts';

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

export function route<Ctx>(fn: (req: Request, ctx: Ctx) => Promise<Response | unknown>) {
  return async (req: Request, ctx: Ctx): Promise<Response> => {
    try {
      const out = await fn(req, ctx);
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
