// better-auth's endpoints (sign-in/email, sign-out, get-session …) under /api/auth. Public sign-up is disabled.
import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/lib/auth/auth.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const { GET, POST } = toNextJsHandler((req) => getAuth().handler(req));
