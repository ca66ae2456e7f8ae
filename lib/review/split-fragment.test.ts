import { describe, expect, it } from 'vitest';
import { catchAppError } from '../testing/catch-app-error.ts';
import { joinFragments } from './join-fragments.ts';
import { splitFragment } from './split-fragment.ts';

const frag = { begin: 10, end: 16, text: 'Era de noche. Llovía sin parar.' };

describe('splitFragment', () => {
  it('splits the text at the caret (trimmed) and the times at atTime', () => {
    const [a, b] = splitFragment(frag, 12.5, 13);
    expect(a).toEqual({ begin: 10, end: 12.5, text: 'Era de noche.' });
    expect(b).toEqual({ begin: 12.5, end: 16, text: 'Llovía sin parar.' });
    expect(splitFragment(frag, 12.5, 14)[1].text).toBe('Llovía sin parar.');
  });

  it('refuses a caret at either end or one leaving a half blank', () => {
    for (const caret of [0, frag.text.length, -1, 99, 1.5]) {
      expect(catchAppError(() => splitFragment(frag, 12, caret))).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'textCaret' } });
    }
    expect(catchAppError(() => splitFragment({ ...frag, text: 'Hola   ' }, 12, 5)).code).toBe('INVALID_INPUT');
  });

  it('refuses a time not strictly inside, or leaving less than minDuration', () => {
    for (const t of [10, 16, 9, 17, Number.NaN, null]) {
      expect(catchAppError(() => splitFragment(frag, t, 13))).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'atTime' } });
    }
    expect(() => splitFragment(frag, 10.04, 13, { minDuration: 0.05 })).toThrow();
    expect(splitFragment(frag, 10.06, 13, { minDuration: 0.05 })[0].end).toBe(10.06);
  });

  it('splits only the text of a fragment without times', () => {
    const [a, b] = splitFragment({ begin: null, end: null, text: 'Uno. Dos.' }, null, 4);
    expect(a).toEqual({ begin: null, end: null, text: 'Uno.' });
    expect(b).toEqual({ begin: null, end: null, text: 'Dos.' });
  });

  it('keeps the halves contiguous and inside the original', () => {
    const [a, b] = splitFragment(frag, 13.3333333333, 13);
    expect(a.end).toBe(b.begin);
    expect(a.begin).toBe(frag.begin);
    expect(b.end).toBe(frag.end);
    expect(a.end).toBe(13.333333);
  });
});

describe('joinFragments', () => {
  it('joins with a space: begin of a, end of b', () => {
    expect(joinFragments({ begin: 1, end: 2, text: 'Uno. ' }, { begin: 2.2, end: 3, text: ' Dos.' })).toEqual({ begin: 1, end: 3, text: 'Uno. Dos.' });
  });

  it('joins verse with a newline, or as told', () => {
    const a = { begin: 1, end: 2, text: 'Verde que te quiero verde.\nVerde viento.' };
    const b = { begin: 2, end: 3, text: 'Verdes ramas.' };
    expect(joinFragments(a, b).text).toBe('Verde que te quiero verde.\nVerde viento.\nVerdes ramas.');
    expect(joinFragments(b, b, { separator: '\n' }).text).toBe('Verdes ramas.\nVerdes ramas.');
    expect(joinFragments(a, b, { separator: ' ' }).text).toBe('Verde que te quiero verde.\nVerde viento. Verdes ramas.');
  });

  it('takes the other side’s times when one has none', () => {
    expect(joinFragments({ begin: null, end: null, text: 'a' }, { begin: 4, end: 5, text: 'b' })).toMatchObject({ begin: 4, end: 5 });
    expect(joinFragments({ begin: 1, end: 2, text: 'a' }, { begin: null, end: null, text: 'b' })).toMatchObject({ begin: 1, end: 2 });
  });

  it('round trip: split then join restores text and times', () => {
    for (const caret of [3, 13, 20]) {
      const [a, b] = splitFragment(frag, 11, caret);
      const back = joinFragments(a, b);
      expect(back).toEqual(frag);
    }
    const verse = { begin: 0, end: 4, text: 'Línea uno,\nlínea dos,\nlínea tres.' };
    const [a, b] = splitFragment(verse, 2, verse.text.indexOf('\nlínea tres'));
    expect(joinFragments(a, b)).toEqual(verse);
  });
});
