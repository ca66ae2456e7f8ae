import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { checkDecodedDuration } from './check-decoded-duration.ts';

describe('checkDecodedDuration', () => {
  it('rejects a file that decodes to a fraction of its declared duration, naming it', () => {
    const err = (() => {
      try {
        checkDecodedDuration('capitulo_01.mp3', 6.06, 0.24);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'INVALID_INPUT', details: { file: 'capitulo_01.mp3', declaredSec: 6.06, decodedSec: 0.24 } });
    expect((err as AppError).message).toBe(
      '"capitulo_01.mp3": only 0.2 s of its declared 6.1 s decode — the file is truncated or damaged; upload it again.',
    );
  });

  it.each([
    ['a little padding more than declared', 6.06, 6.1],
    ['slightly short (encoder delay)', 3600, 3599.95],
    ['90 % of a long file', 3600, 3240],
    ['short, but within a second', 1.5, 0.6],
  ])('accepts %s', (_what, declared, decoded) => {
    expect(() => checkDecodedDuration('a.mp3', declared, decoded)).not.toThrow();
  });

  it.each([
    ['89 % of an hour', 3600, 3204],
    ['half of 3 s', 3, 1.4],
  ])('rejects %s', (_what, declared, decoded) => {
    expect(() => checkDecodedDuration('a.mp3', declared, decoded)).toThrow(/truncated or damaged/);
  });
});
