// Where to go after signing in (`/sign-in?next=…`): a path of this site only. Browsers' URL parser drops ASCII
// tab, LF and CR anywhere and trims leading/trailing C0 controls and spaces, and reads `\` as `/` in http(s) URLs,
// so `/\t/evil.example` and `/\evil.example` are really `//evil.example`, another site. The path is therefore
// resolved the way the browser will resolve it and kept only if the origin did not change.
const BASE = 'http://alinea.invalid';

export function safeNextPath(next: string | null | undefined): string {
  if (typeof next !== 'string') return '/';
  const cleaned = next.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (!cleaned.startsWith('/') || cleaned.startsWith('//') || cleaned.startsWith('/\\')) return '/';
  let url: URL;
  try {
    url = new URL(cleaned, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  // the resolved path must not itself read as `//host` (`/.//evil.example` resolves to `//evil.example`)
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? '/' : path;
}
