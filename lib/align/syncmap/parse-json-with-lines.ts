// A small strict JSON parser (RFC 8259) that remembers the line where each object and array starts, so that
// errors about a sync map fragment can name its line. JSON.parse in Node 20 often reports no position at all.

export type JsonParseResult =
  | { ok: true; value: unknown; lineOf: (node: object) => number | undefined }
  | { ok: false; line: number; message: string };

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

export function parseJsonWithLines(text: string): JsonParseResult {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] ?? 0) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const lines = new WeakMap<object, number>();
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    throw new JsonSyntaxError(message, at);
  };
  const describe = (at: number) => (at >= text.length ? 'the end of the file' : `'${text.charAt(at)}'`);
  const skipSpace = () => {
    while (pos < text.length && ' \t\n\r'.includes(text.charAt(pos))) pos++;
  };
  const expect = (ch: string, what: string) => {
    skipSpace();
    if (text.charAt(pos) !== ch) fail(`expected ${what}, found ${describe(pos)}`);
    pos++;
  };

  const parseString = (): string => {
    const start = pos;
    pos++; // opening quote
    let out = '';
    for (;;) {
      if (pos >= text.length) fail('a string is not closed', start);
      const ch = text.charAt(pos);
      if (ch === '"') {
        pos++;
        return out;
      }
      if (ch === '\\') {
        const next = text.charAt(pos + 1);
        if (next === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('a \\u escape needs four hex digits');
          out += String.fromCharCode(Number.parseInt(hex, 16));
          pos += 6;
        } else {
          const decoded = ESCAPES[next];
          if (decoded === undefined) fail(`unknown escape '\\${next}' in a string`);
          out += decoded;
          pos += 2;
        }
      } else if (ch.charCodeAt(0) < 0x20) {
        fail('a string contains a raw control character (a line break inside quotes?)');
      } else {
        out += ch;
        pos++;
      }
    }
  };

  const parseValue = (): unknown => {
    skipSpace();
    const start = pos;
    const ch = text.charAt(pos);
    if (ch === '{') {
      pos++;
      const obj: Record<string, unknown> = {};
      lines.set(obj, lineAt(start));
      skipSpace();
      if (text.charAt(pos) === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        skipSpace();
        if (text.charAt(pos) !== '"') fail(`expected a property name in double quotes, found ${describe(pos)}`);
        const key = parseString();
        expect(':', "':' after a property name");
        obj[key] = parseValue();
        skipSpace();
        if (text.charAt(pos) === ',') {
          pos++;
          continue;
        }
        if (text.charAt(pos) === '}') {
          pos++;
          return obj;
        }
        fail(`expected ',' or '}' after a property value, found ${describe(pos)}`);
      }
    }
    if (ch === '[') {
      pos++;
      const arr: unknown[] = [];
      lines.set(arr, lineAt(start));
      skipSpace();
      if (text.charAt(pos) === ']') {
        pos++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue());
        skipSpace();
        if (text.charAt(pos) === ',') {
          pos++;
          continue;
        }
        if (text.charAt(pos) === ']') {
          pos++;
          return arr;
        }
        fail(`expected ',' or ']' after an array item, found ${describe(pos)}`);
      }
    }
    if (ch === '"') return parseString();
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos, pos + 64));
    if (number) {
      pos += number[0].length;
      return Number(number[0]);
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    return fail(`expected a value, found ${describe(pos)}`);
  };

  try {
    const value = parseValue();
    skipSpace();
    if (pos < text.length) fail(`unexpected ${describe(pos)} after the end of the JSON value`);
    return { ok: true, value, lineOf: (node) => lines.get(node) };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, line: lineAt(e.pos), message: e.message };
    throw e;
  }
}
