import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { normaliseSpanish, TRANSCRIPT_ALPHABET } from '../text/normalise-spanish.ts';
import { buildVocab, targetsToText, textToTargets } from './vocab.ts';

describe('buildVocab', () => {
  it('puts <blank> on line 0 and the alphabet after it, space as <space>', () => {
    const v = buildVocab(TRANSCRIPT_ALPHABET);
    expect(v.length).toBe(1 + [...TRANSCRIPT_ALPHABET].length);
    expect(v.slice(0, 4)).toEqual(['<blank>', '<space>', 'a', 'b']);
    expect(v.at(-1)).toBe('ü');
    expect(v.every((line) => line.trim() === line && line !== '')).toBe(true);
  });

  it('rejects duplicates, control characters, combining marks and an empty alphabet', () => {
    expect(() => buildVocab('abca')).toThrow(/"a" twice/);
    expect(() => buildVocab('ab\n')).toThrow(AppError);
    expect(() => buildVocab('a\u0301')).toThrow(/U\+0301/);
    expect(() => buildVocab('')).toThrow(AppError);
  });
});

describe('textToTargets', () => {
  const vocab = buildVocab(TRANSCRIPT_ALPHABET);

  it('maps each character to its line number', () => {
    expect(textToTargets('año ü', vocab)).toEqual([2, 28, 16, 1, 34]);
    expect(textToTargets('', vocab)).toEqual([]);
  });

  it('round-trips normalised Spanish', () => {
    const text = normaliseSpanish('¿Qué pasó en 1898? ¡Pingüinos y señores!');
    expect(targetsToText(textToTargets(text, vocab), vocab)).toBe(text);
  });

  it('names the character outside the vocabulary', () => {
    const err = (() => {
      try {
        textToTargets('hola, mundo', vocab);
      } catch (e) {
        return e as AppError;
      }
      throw new Error('expected a throw');
    })();
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('Character "," (U+002C)');
    expect(err.details).toEqual({ char: ',', codePoint: 'U+002C' });
    expect(() => textToTargets('A', vocab)).toThrow(/U\+0041/);
  });

  it('rejects ids outside the vocabulary when mapping back', () => {
    expect(() => targetsToText([99], vocab)).toThrow(AppError);
  });
});
