import { describe, expect, it } from 'vitest';
import { parseJsonWithLines } from './parse-json-with-lines.ts';

describe('parseJsonWithLines', () => {
  it('parses what JSON.parse parses and remembers where objects start', () => {
    const text = '{\n "a": [1, -2.5e3, true, false, null],\n "b": {\n  "c": "x\\u00f1\\n\\"q\\" \\/"\n }\n}';
    const result = parseJsonWithLines(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.value).toEqual(JSON.parse(text));
    const value = result.value as { a: unknown[]; b: object };
    expect(result.lineOf(value)).toBe(1);
    expect(result.lineOf(value.a)).toBe(2);
    expect(result.lineOf(value.b)).toBe(3);
  });

  it.each<[string, string, number, RegExp]>([
    ['trailing comma', '{\n "a": 1,\n}', 3, /property name/],
    ['missing comma', '[\n 1\n 2\n]', 3, /',' or ']'/],
    ['raw line break in a string', '{"a": "x\ny"}', 1, /control character/],
    ['bad escape', '\n\n"\\x"', 3, /unknown escape/],
    ['unclosed string', '\n"abc', 2, /not closed/],
    ['garbage after the value', '{}\n\nx', 3, /after the end/],
    ['single quotes', "{'a': 1}", 1, /property name/],
    ['empty', '   ', 1, /expected a value/],
  ])('%s → error on line %#', (_name, text, line, message) => {
    const result = parseJsonWithLines(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.line).toBe(line);
    expect(result.message).toMatch(message);
  });
});
