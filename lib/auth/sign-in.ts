// Signs in with email + password through better-auth's server API; returns the session cookie to send as
// `cookie:` (tests and scripts that call the routes as a signed-in user).
import { AppError } from '../errors/app-error.ts';
import { getAuth } from './auth.ts';

export async function signIn(email: string, password: string): Promise<{ userId: string; cookie: string }> {
  let res;
  try {
    res = await getAuth().api.signInEmail({ body: { email, password }, returnHeaders: true });
  } catch (e) {
    throw new AppError('UNAUTHENTICATED', `Could not sign in as ${email}: ${(e as Error).message}`);
  }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  return { userId: res.response.user.id, cookie };
}
