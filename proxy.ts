// Pages need a signed-in user: anyone without a valid session (checked against the database by better-auth)
// is sent to /sign-in, and comes back after. API routes check the session and the role themselves
// (app/api/_lib/handle-route.ts) and answer 401/403 as JSON, so they are not redirected here.
import { NextResponse, type NextRequest } from 'next/server';
import { getSessionUser } from '@/lib/auth/require-user.ts';

export async function proxy(req: NextRequest) {
  if (await getSessionUser(req.headers)) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = '';
  const next = req.nextUrl.pathname + req.nextUrl.search;
  if (next !== '/') url.searchParams.set('next', next);
  return NextResponse.redirect(url);
}

export const config = {
  // everything but the API, the sign-in page and static files
  matcher: ['/((?!api/|sign-in|_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpg|ico|css|js|woff2?)$).*)'],
};
