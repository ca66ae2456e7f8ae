// CSRF at the edge: a request that changes something (POST, PUT, PATCH, DELETE) must come from a page of this
// studio. Browsers send `Origin` on every such fetch and form post (and `Sec-Fetch-Site`); a page on another
// site — another port of localhost included — cannot forge either, nor add headers to a form post or a
// `no-cors` fetch. So: the `Origin` must be this studio's own; without one, `Sec-Fetch-Site: same-origin` or a
// same-origin `Referer` will do; with none of the three the request is refused. Non-browser clients (scripts,
// tests) send `Origin` themselves.
import { AppError } from '@/lib/errors/app-error.ts';
import { getConfig } from '@/lib/config/env.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

function originOf(url: string | null): string | null {
  if (!url || url === 'null') return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The origins this request may come from: the configured public URL (ALINEA_AUTH_URL), the host the browser
 * asked for (Host, over http or https: TLS may end before us), the request's own URL, and — only behind a
 * trusted proxy (ALINEA_TRUST_PROXY) — X-Forwarded-Host with X-Forwarded-Proto.
 */
export function ownOrigins(req: Request): Set<string> {
  const { authUrl, trustedProxies } = getConfig();
  const origins = new Set<string>();
  const add = (o: string | null) => o && origins.add(o);
  add(originOf(authUrl ?? null));
  add(originOf(req.url));
  const host = req.headers.get('host');
  if (host) {
    add(originOf(`http://${host}`));
    add(originOf(`https://${host}`));
  }
  const forwardedHost = req.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  if (trustedProxies.length > 0 && forwardedHost) {
    const proto = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'https';
    add(originOf(`${proto}://${forwardedHost}`));
  }
  return origins;
}

/** Throws FORBIDDEN unless a state-changing request comes from this studio's own pages. */
export function assertSameOrigin(req: Request): void {
  if (isSafeMethod(req.method)) return;
  const origins = ownOrigins(req);
  const origin = req.headers.get('origin');
  const refuse = (why: string) => {
    throw new AppError(
      'FORBIDDEN',
      `Refused a ${req.method} from ${why}: changes are accepted only from the studio's own pages. ` +
        `Use the studio at ${[...origins][0] ?? 'its own address'} (scripts: send an Origin header with that address).`,
      { origin },
    );
  };
  if (origin !== null) {
    if (!origins.has(originOf(origin) ?? '')) refuse(origin === 'null' ? 'an opaque origin ("null")' : `another site (${origin})`);
    return;
  }
  const site = req.headers.get('sec-fetch-site');
  if (site !== null) {
    if (site !== 'same-origin') refuse(`a ${site} page`);
    return;
  }
  const referer = originOf(req.headers.get('referer'));
  if (referer && origins.has(referer)) return;
  refuse(referer ? `another site (${referer})` : 'a request with no Origin, Sec-Fetch-Site or Referer header');
}
