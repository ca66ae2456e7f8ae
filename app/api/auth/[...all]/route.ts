// better-auth's endpoints (sign-in/email, sign-out, get-session …) under /api/auth. Public sign-up is disabled.
// better-auth checks the Origin of every POST that carries a cookie (and of sign-in), and reads only JSON
// bodies; it reads them whole, so the body is first read here with a small cap (413 past it).
import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/lib/auth/auth.ts';
import { errorResponse } from '../../_lib/handle-route.ts';
import { readBodyBytes } from '../../_lib/request-stream.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** An email, a password, a callback URL: sign-in bodies are a few hundred bytes. */
const AUTH_BODY_LIMIT = 64 * 1024;

const handler = toNextJsHandler((req) => getAuth().handler(req));

export const GET = handler.GET;

export async function POST(req: Request): Promise<Response> {
  if (!req.body) return handler.POST(req);
  let body: Buffer;
  try {
    body = await readBodyBytes(req, AUTH_BODY_LIMIT);
  } catch (e) {
    return errorResponse(e, req);
  }
  return handler.POST(new Request(req, { body: new Uint8Array(body) }));
}
