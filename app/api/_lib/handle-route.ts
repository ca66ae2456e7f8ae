// Thin route handlers: every error becomes a JSON { error: { code, message } } with the right status;
// nothing is swallowed into a bare 500, and a 500 says nothing internal (the error itself is logged). Every
// handler needs a signed-in user (401 otherwise), with the role given (403 otherwise): reviewer by default,
// `{ role: 'admin' }` for upload, delete, export and training. A request that changes something must come from
// the studio's own pages (check-origin.ts; 403 otherwise) and carry a JSON body — or, on `{ body: 'upload' }`
// routes, a raw file (415 otherwise). Input is parsed with the use case's schema from lib/ (readBody,
// readQuery): a failure is a 400 INVALID_INPUT with zod's formatted message; a body over its cap is a 413.
import { NextResponse } from 'next/server';
import { ZodError, type z } from 'zod';
import { AppError, INTERNAL_ERROR_MESSAGE, isAppError } from '@/lib/errors/app-error.ts';
import { formatZodError } from '@/lib/errors/format-zod-error.ts';
import { parseInput } from '@/lib/errors/parse-input.ts';
import type { SessionUser } from '@/lib/auth/auth.ts';
import { requireUser } from '@/lib/auth/require-user.ts';
import type { Role } from '@/lib/auth/roles.ts';
import { assertSameOrigin, isSafeMethod } from './check-origin.ts';
import { assertContentType, DEFAULT_BODY_LIMIT, JSON_TYPES, readBodyText, UPLOAD_TYPES } from './request-stream.ts';

export function errorResponse(e: unknown, req?: Request): NextResponse {
  const known = e instanceof ZodError ? new AppError('INVALID_INPUT', formatZodError(e)) : e;
  if (isAppError(known)) {
    return NextResponse.json({ error: { code: known.code, message: known.message, details: known.details } }, { status: known.httpStatus });
  }
  console.error(req ? `${req.method} ${new URL(req.url).pathname} failed:` : 'Route failed:', e);
  return NextResponse.json({ error: { code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE } }, { status: 500 });
}

export type RouteOptions = {
  /** Who may call it: any signed-in user (reviewer, the default) or admins only. */
  role?: Role;
  /** What its body is: JSON (the default), or a raw file streamed by the route (uploads, sync map import). */
  body?: 'json' | 'upload';
};

export function route<Ctx>(fn: (req: Request, ctx: Ctx, user: SessionUser) => Promise<Response | unknown>, opts: RouteOptions = {}) {
  return async (req: Request, ctx: Ctx): Promise<Response> => {
    try {
      if (!isSafeMethod(req.method)) {
        assertSameOrigin(req);
        assertContentType(req, opts.body === 'upload' ? UPLOAD_TYPES : JSON_TYPES);
      }
      const user = await requireUser(req, opts.role ?? 'reviewer');
      const out = await fn(req, ctx, user);
      return out instanceof Response ? out : NextResponse.json(out ?? { ok: true });
    } catch (e) {
      return errorResponse(e, req);
    }
  };
}

/**
 * The body as JSON, read with a byte cap (`limit`, 1 MB by default; 413 past it, without reading the rest). A body
 * that is not JSON (an empty one included) is a 400, never taken for `{}`.
 */
export async function readJson(req: Request, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const text = await readBodyText(req, limit);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError('INVALID_INPUT', `The request body is not valid JSON: ${(e as Error).message}. Send a JSON object.`);
  }
}

/**
 * The JSON body parsed with a use case's schema. `fields` (ids from the URL, the signed-in user) are added to an
 * object body and win over what it says.
 */
export async function readBody<S extends z.ZodType>(req: Request, schema: S, fields?: Record<string, unknown>): Promise<z.output<S>> {
  const body = await readJson(req);
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  return parseInput(schema, fields && isObject ? { ...body, ...fields } : body);
}

/** The query string parsed with a use case's schema (each parameter once, as a string), with `fields` added. */
export function readQuery<S extends z.ZodType>(req: Request, schema: S, fields?: Record<string, unknown>): z.output<S> {
  return parseInput(schema, { ...Object.fromEntries(new URL(req.url).searchParams), ...fields });
}
