import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path.ts';

describe('safeNextPath', () => {
  it.each([
    // same-site paths are kept (normalised as the browser would)
    ['/', '/'],
    ['/books/b1?tab=audio#top', '/books/b1?tab=audio#top'],
    ['/chapters/c1/../c2', '/chapters/c2'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'], // an encoded slash stays a path segment here
    ['/a\tb', '/ab'],
    // the trick: a tab between the slashes, dropped by the URL parser
    ['/\t/evil.example/phish', '/'],
    ['/\n/evil.example', '/'],
    ['/\r\n/evil.example', '/'],
    [' //evil.example', '/'],
    ['\u0000//evil.example', '/'],
    ['//evil.example', '/'],
    ['///evil.example', '/'],
    ['/\\evil.example', '/'],
    ['\\\\evil.example', '/'],
    ['/\t\\evil.example', '/'],
    ['\\/evil.example', '/'],
    ['/.//evil.example', '/'], // resolves to the path //evil.example, itself protocol-relative
    ['/a/..//evil.example', '/'],
    ['http://evil.example/', '/'],
    ['https:evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['JaVaScRiPt:alert(1)', '/'],
    ['data:text/html,hi', '/'],
    ['evil.example', '/'],
    ['', '/'],
    [undefined, '/'],
    [null, '/'],
  ])('%j → %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it('whatever it returns, the browser resolves it on this origin', () => {
    const tricks = ['/\t/x.example', '/\\x.example', '//x.example', '/%09/x.example', '/.//x.example', '/..//x.example', '/\u3002/x'];
    for (const t of tricks) expect(new URL(safeNextPath(t), 'https://studio.example').origin).toBe('https://studio.example');
  });
});
