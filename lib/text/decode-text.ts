// Bytes of a plain-text (or HTML) ebook → one normalised string. Project Gutenberg ships UTF-8 (`NNNN-0.txt`),
// ISO-8859-1 (`NNNN-8.txt`) and 7-bit ASCII (`NNNN.txt`, accents lost); windows-1252 is a superset of the
// printable ISO-8859-1 range, so one fallback decodes both.
import { AppError } from '../errors/app-error.ts';

export type DecodedText = { text: string; encoding: 'utf-8' | 'windows-1252'; warnings: string[] };

// windows-1252 bytes 0x80–0x9F; the five undefined bytes map to the C1 control of the same value (as WHATWG does).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** windows-1252 code point for a byte (identity outside 0x80–0x9F). */
export function cp1252CodePoint(byte: number): number {
  return byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? byte) : byte;
}

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (const byte of bytes) {
    chunk.push(cp1252CodePoint(byte));
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** Counts well-formed multi-byte UTF-8 sequences and stray high bytes, to tell "UTF-8 with a few bad bytes" apart. */
function utf8Shape(bytes: Uint8Array): { sequences: number; invalid: number } {
  let sequences = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) continue;
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      sequences++;
      i += need;
    } else invalid++;
  }
  return { sequences, invalid };
}

/** Control characters other than tab, line feed, form feed and carriage return: a sign of binary data. */
function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c <= 0x9f)) n++;
  }
  return n;
}

const SPANISH_WORDS = /\b(que|de|la|el|los|las|en|por|con|una|del|para|como|pero|m[aá]s|est[aá]|s[ií]|se)\b/gi;
const ENGLISH_WORDS = /\b(the|and|of|to|is|was|that|with|for|you|this|not|which|be|it)\b/gi;
const ACCENTED = /[áéíóúüñÁÉÍÓÚÜÑ¿¡]/;

/**
 * Warning for a Spanish text without a single accented letter (a 7-bit Gutenberg file); undefined otherwise.
 * Run it on the text a reader sees: HTML entities (`&aacute;`) must be decoded first.
 */
export function missingAccentsWarning(text: string, fileName: string): string | undefined {
  if (ACCENTED.test(text)) return undefined;
  const declared = /^\s*Language:\s*Spanish\b/im.test(text);
  const es = text.match(SPANISH_WORDS)?.length ?? 0;
  const en = text.match(ENGLISH_WORDS)?.length ?? 0;
  if (!declared && !(es >= 20 && es > 2 * en)) return undefined;
  return (
    `${fileName} is Spanish but has no accented letters (á, é, ñ, ¿ …): it is probably a 7-bit Project ` +
    'Gutenberg file with the accents stripped. Download the UTF-8 ("-0.txt") or ISO-8859-1 ("-8.txt") edition ' +
    'for a correct transcript.'
  );
}

export function decodeText(
  bytes: Uint8Array,
  fileName: string,
  opts: { checkAccents?: boolean } = {},
): DecodedText {
  const warnings: string[] = [];
  let body = bytes;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  if (body.length === 0) {
    throw new AppError('INVALID_INPUT', `${fileName} is empty: upload the ebook file again.`, { fileName });
  }
  if ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA',
      `${fileName} is UTF-16 text: save it as UTF-8 (or download the UTF-8 edition) and upload it again.`,
      { fileName },
    );
  }
  if (body.includes(0)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA',
      `${fileName} is not a text file (it contains binary data): upload a .txt, .html or .epub ebook.`,
      { fileName },
    );
  }

  let text: string;
  let encoding: DecodedText['encoding'];
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    encoding = 'utf-8';
  } catch {
    const shape = utf8Shape(body);
    if (shape.sequences >= 20 && shape.sequences >= 20 * shape.invalid) {
      // Mostly valid UTF-8 with a few broken bytes: re-reading it all as windows-1252 would garble every accent.
      text = new TextDecoder('utf-8').decode(body);
      encoding = 'utf-8';
      warnings.push(`${fileName}: ${shape.invalid} invalid UTF-8 byte(s) were replaced by "�"; check those places.`);
    } else {
      text = decodeCp1252(body);
      encoding = 'windows-1252';
    }
  }

  const controls = countControls(text);
  if (controls > Math.max(2, text.length * 0.01)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA',
      `${fileName} does not look like text (${controls} control characters): upload a .txt, .html or .epub ebook.`,
      { fileName, controls },
    );
  }

  text = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
  if (text.trim() === '') {
    throw new AppError('INVALID_INPUT', `${fileName} contains only blank space: upload the ebook file again.`, {
      fileName,
    });
  }

  // UTF-8 bytes read as Latin-1 somewhere upstream ("canciÃ³n"): the file itself decodes, the text is still wrong.
  const mojibake = text.match(/Ã[\u00a1-\u00bf]/g)?.length ?? 0;
  if (mojibake >= 3) {
    warnings.push(
      `${fileName} looks double-encoded (${mojibake} sequences like "Ã³" instead of accented letters): ` +
        'download a fresh copy of the ebook.',
    );
  }
  if (opts.checkAccents !== false) {
    const warning = missingAccentsWarning(text, fileName);
    if (warning) warnings.push(warning);
  }
  return { text, encoding, warnings };
}
