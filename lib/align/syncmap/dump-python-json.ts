// Byte-compatible stand-in for Python's `json.dumps(value, indent=n, sort_keys=True)` with its defaults
// (ensure_ascii=True, separators ',' and ': '), which is how aeneas writes its JSON sync maps.

export type PythonJsonValue = string | number | boolean | null | PythonJsonValue[] | { [key: string]: PythonJsonValue };

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** Python's ensure_ascii string encoder: everything outside ' '..'~' becomes \uxxxx (lower-case hex, UTF-16 units). */
function encodeString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function encodeNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return String(value);
}

export function dumpPythonJson(value: PythonJsonValue, indent = 1): string {
  const encode = (node: PythonJsonValue, level: number): string => {
    if (node === null) return 'null';
    if (typeof node === 'string') return encodeString(node);
    if (typeof node === 'number') return encodeNumber(node);
    if (typeof node === 'boolean') return node ? 'true' : 'false';
    const inner = `\n${' '.repeat(indent * (level + 1))}`;
    const outer = `\n${' '.repeat(indent * level)}`;
    if (Array.isArray(node)) {
      if (node.length === 0) return '[]';
      return `[${inner}${node.map((item) => encode(item, level + 1)).join(`,${inner}`)}${outer}]`;
    }
    // Python sorts str keys by code point; keys here are ASCII, where UTF-16 order is the same.
    const keys = Object.keys(node).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (keys.length === 0) return '{}';
    const items = keys.map((key) => `${encodeString(key)}: ${encode(node[key] ?? null, level + 1)}`);
    return `{${inner}${items.join(`,${inner}`)}${outer}}`;
  };
  return encode(value, 0);
}
