import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { decodeText, missingAccentsWarning } from './decode-text.ts';
import { catchAppError as catchError } from '../testing/catch-app-error.ts';

const SPANISH_7BIT = `Title: Novelas cortas
Language: Spanish

En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha mucho
tiempo que vivia un hidalgo de los de lanza en astillero, adarga antigua,
rocin flaco y galgo corredor. Una olla de algo mas vaca que carnero.`;

function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values);
}

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from('Canción del pirata: ¿Adónde vas?', 'utf8'), 'utf-8', 'Canción del pirata: ¿Adónde vas?'],
    ['UTF-8 with BOM', Buffer.concat([bytes(0xef, 0xbb, 0xbf), Buffer.from('Añejo', 'utf8')]), 'utf-8', 'Añejo'],
    ['ISO-8859-1', Buffer.from('Canción del pirata: ¿Adónde vas? ñandú', 'latin1'), 'windows-1252', 'Canción del pirata: ¿Adónde vas? ñandú'],
    ['windows-1252 quotes, dash and euro', bytes(0x93, 0x48, 0x6f, 0x6c, 0x61, 0x94, 0x20, 0x97, 0x20, 0x80), 'windows-1252', '“Hola” — €'],
    ['CRLF line ends', Buffer.from('uno\r\ndos\r\n\r\ntres', 'utf8'), 'utf-8', 'uno\ndos\n\ntres'],
    ['old Mac CR line ends', Buffer.from('uno\rdos', 'utf8'), 'utf-8', 'uno\ndos'],
    ['decomposed accents → NFC', Buffer.from('cancio\u0301n espan\u0303ol', 'utf8'), 'utf-8', 'canción español'],
  ])('decodes %s', (_name, input, encoding, text) => {
    const result = decodeText(new Uint8Array(input), 'libro.txt');
    expect(result.encoding).toBe(encoding);
    expect(result.text).toBe(text);
    expect(result.text).toBe(result.text.normalize('NFC'));
  });

  it.each([
    ['NUL bytes', bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41)],
    ['many control characters', new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)))],
    ['UTF-16 text', new Uint8Array(Buffer.concat([bytes(0xff, 0xfe), Buffer.from('Hola', 'utf16le')]))],
  ])('rejects %s as UNSUPPORTED_MEDIA naming the file', (_name, input) => {
    const error = catchError(() => decodeText(input, 'basura.txt'));
    expect(error.code).toBe('UNSUPPORTED_MEDIA');
    expect(error.message).toContain('basura.txt');
  });

  it.each([
    ['an empty file', bytes()],
    ['a BOM only', bytes(0xef, 0xbb, 0xbf)],
    ['blank space only', Buffer.from('  \r\n\n\t ', 'utf8')],
  ])('rejects %s as INVALID_INPUT naming the file', (_name, input) => {
    const error = catchError(() => decodeText(new Uint8Array(input), 'vacio.txt'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('vacio.txt');
  });

  it('tolerates a stray control character such as a DOS end-of-file mark', () => {
    const result = decodeText(new Uint8Array(Buffer.from('Fin del libro.\n\x1a', 'utf8')), 'libro.txt');
    expect(result.text).toBe('Fin del libro.\n\x1a');
  });

  it('keeps mostly-valid UTF-8 as UTF-8 and warns about the bad bytes', () => {
    const good = Buffer.from('canción '.repeat(30), 'utf8');
    const input = new Uint8Array(Buffer.concat([good, bytes(0xff), Buffer.from(' fin', 'utf8')]));
    const result = decodeText(input, 'casi.txt');
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toContain('canción canción');
    expect(result.text).toContain('\uFFFD fin');
    expect(result.warnings.join(' ')).toMatch(/1 invalid UTF-8 byte/);
  });

  it('warns when a Spanish text has no accented letters (7-bit Gutenberg file)', () => {
    const result = decodeText(new Uint8Array(Buffer.from(SPANISH_7BIT, 'ascii')), '28241.txt');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('28241.txt');
    expect(result.warnings[0]).toMatch(/accent/);
  });

  it('does not warn for accented Spanish, English text, or when the check is off', () => {
    const accented = SPANISH_7BIT.replace('vivia', 'vivía');
    expect(decodeText(new Uint8Array(Buffer.from(accented, 'utf8')), 'a.txt').warnings).toEqual([]);
    const english = 'It was the best of times, it was the worst of times, and the age of wisdom. '.repeat(5);
    expect(decodeText(new Uint8Array(Buffer.from(english, 'ascii')), 'b.txt').warnings).toEqual([]);
    const off = decodeText(new Uint8Array(Buffer.from(SPANISH_7BIT, 'ascii')), 'c.txt', { checkAccents: false });
    expect(off.warnings).toEqual([]);
  });

  it('detects Spanish without a Language header from its common words', () => {
    const text = 'que de la el los las en por con una del para como pero se '.repeat(3);
    expect(missingAccentsWarning(text, 'x.txt')).toBeDefined();
    expect(missingAccentsWarning(`${text} canción`, 'x.txt')).toBeUndefined();
  });

  it('warns about double-encoded (mojibake) text', () => {
    const text = 'La canciÃ³n del aÃ±o, quÃ© bien; Ã¡rbol.';
    const result = decodeText(new Uint8Array(Buffer.from(text, 'utf8')), 'roto.txt');
    expect(result.warnings.join(' ')).toMatch(/double-encoded/);
  });
});
