import { describe, expect, it } from 'vitest';
import type { Paragraph } from './ebook-types.ts';
import { detectHeadings, matchHeading, romanValue } from './detect-headings.ts';

const prose = (text: string): Paragraph => ({ text, kind: 'prose' });
const LONG =
  'En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha mucho tiempo que vivía un hidalgo de los de lanza en astillero, adarga antigua, rocín flaco y galgo corredor.';

describe('matchHeading', () => {
  it.each([
    ['CAPÍTULO PRIMERO', 'chapter:1'],
    ['CAPÍTULO I', 'chapter:1'],
    ['CAPITULO II', 'chapter:2'],
    ['Capítulo primero. Que trata de la condición y ejercicio del famoso hidalgo don Quijote de la Mancha', 'chapter:1'],
    ['Capítulo XXII. De la libertad que dio don Quijote a muchos desdichados', 'chapter:22'],
    ['CAPÍTULO IIII', 'chapter:4'],
    ['CAPÍTULO XIIII', 'chapter:14'],
    ['CAPÍTULO DÉCIMO CUARTO', 'chapter:14'],
    ['CAPÍTULO DECIMOTERCERO', 'chapter:13'],
    ['CAPÍTULO UNDÉCIMO', 'chapter:11'],
    ['CAPÍTULO DUODÉCIMO', 'chapter:12'],
    ['CAPÍTULO VIGÉSIMO', 'chapter:20'],
    ['CAPÍTULO VIGÉSIMO PRIMERO', 'chapter:21'],
    ['CAPÍTULO SÉPTIMO', 'chapter:7'],
    ['Capítulo noveno', 'chapter:9'],
    ['CAPÍTULO ÚLTIMO', 'chapter:ultimo'],
    ['CAPÍTULO TREINTA Y UNO', 'chapter:31'],
    ['Capítulo 12', 'chapter:12'],
    ['CAP. III', 'chapter:3'],
    ['CAPÍTULO I.--EL HIDALGO', 'chapter:1'],
    ['CAPÍTULO I.—El hidalgo ........ 5', 'chapter:1'],
    ['PARTE PRIMERA', 'part:1'],
    ['PRIMERA PARTE', 'part:1'],
    ['LIBRO SEGUNDO', 'book:2'],
    ['TRATADO TERCERO', 'treatise:3'],
    ['Tratado primero. Cuenta Lázaro su vida', 'treatise:1'],
    ['JORNADA PRIMERA', 'jornada:1'],
    ['Segunda jornada', 'jornada:2'],
    ['CANTO IV', 'canto:4'],
    ['ACTO PRIMERO', 'act:1'],
    ['CHAPTER I', 'chapter:1'],
    ['Chapter 1', 'chapter:1'],
    ['CHAPTER THE FIRST', 'chapter:1'],
    ['Chapter Twenty-First', 'chapter:21'],
    ['BOOK II', 'book:2'],
    ['PART ONE', 'part:1'],
    ['I.', 'bare:1'],
    ['XIV', 'bare:14'],
    ['IIII', 'bare:4'],
    ['XIIII.', 'bare:14'],
    ['— IV —', 'bare:4'],
    ['I. El hidalgo', 'bare:1'],
    ['VII. LA VENTA', 'bare:7'],
    ['12.', 'bare:12'],
    ['PRÓLOGO', 'front:prologo'],
    ['Prólogo del autor', 'front:prologo'],
    ['DEDICATORIA', 'front:dedicatoria'],
    ['EPÍLOGO', 'front:epilogo'],
  ])('%j → %s', (line, label) => {
    expect(matchHeading(line)?.label).toBe(label);
  });

  it.each([
    'Parte de la culpa la tuvo él.',
    'Canto tres canciones cada mañana.',
    'Acto seguido, se marchó.',
    'Libro de cuentas de la casa.',
    'V. M. sabrá perdonarme.',
    'I am here.',
    'Luis llegó tarde.',
    'Capítulo',
    '1808.',
    'D.',
    'vi',
    'i.',
    '1. Primer punto del tratado.',
    'I. Llegó. Se sentó. Comió.',
    'En un lugar de la Mancha',
    'Prólogo, en el cual se dice algo.',
    LONG,
  ])('%j is not a heading', (line) => {
    expect(matchHeading(line)).toBeUndefined();
  });
});

describe('romanValue', () => {
  it.each([
    ['I', 1],
    ['iv', 4],
    ['IIII', 4],
    ['XIIII', 14],
    ['XL', 40],
    ['MCMXC', 1990],
    ['IIIII', undefined],
    ['ABC', undefined],
    ['', undefined],
  ])('%s → %s', (s, value) => {
    expect(romanValue(s)).toBe(value);
  });
});

describe('detectHeadings', () => {
  const chapters = (...labels: string[]) => labels.flatMap((h) => [prose(h), prose(LONG), prose(LONG)]);

  it('marks chapter headings and counts them', () => {
    const result = detectHeadings([prose('NOVELAS CORTAS'), ...chapters('CAPÍTULO I', 'CAPÍTULO II', 'CAPÍTULO III')]);
    expect(result.headingCount).toBe(3);
    expect(result.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual([
      'CAPÍTULO I',
      'CAPÍTULO II',
      'CAPÍTULO III',
    ]);
    expect(result.removed).toEqual([]);
    expect(result.kept).toEqual(result.paragraphs.map((_, i) => i));
  });

  it('removes an ÍNDICE block and its entries, reporting each', () => {
    const input = [
      prose('NOVELAS CORTAS'),
      prose('ÍNDICE'),
      prose('CAPÍTULO I.—El hidalgo'),
      prose('CAPÍTULO II.—La venta'),
      prose('CAPÍTULO III.—El fin'),
      ...chapters('CAPÍTULO I', 'CAPÍTULO II', 'CAPÍTULO III'),
    ];
    const result = detectHeadings(input);
    expect(result.paragraphs[1]).toEqual({ text: 'CAPÍTULO I', kind: 'heading' });
    expect(result.headingCount).toBe(3);
    expect(result.removed).toEqual([
      { kind: 'toc', text: 'ÍNDICE', paragraph: 1 },
      { kind: 'toc', text: 'CAPÍTULO I.—El hidalgo', paragraph: 1 },
      { kind: 'toc', text: 'CAPÍTULO II.—La venta', paragraph: 1 },
      { kind: 'toc', text: 'CAPÍTULO III.—El fin', paragraph: 1 },
    ]);
    expect(result.kept.slice(0, 2)).toEqual([0, 5]);
  });

  it('removes a table of contents at the end of the book, titles without numbers included', () => {
    const input = [...chapters('I', 'II'), prose('FIN'), prose('INDICE'), prose('I. El hidalgo ........ 5'), prose('II. La venta ........ 17'), prose('Los personajes ...... 30')];
    const result = detectHeadings(input);
    expect(result.paragraphs.at(-1)).toEqual(prose('FIN'));
    expect(result.headingCount).toBe(2);
    expect(result.removed.map((r) => r.text)).toEqual(['INDICE', 'I. El hidalgo ........ 5', 'II. La venta ........ 17', 'Los personajes ...... 30']);
  });

  it('removes an untitled cluster of headings that are repeated in the body', () => {
    const input = [
      prose('CAPÍTULO PRIMERO.—El hidalgo'),
      prose('CAPÍTULO SEGUNDO.—La venta'),
      prose('CAPÍTULO TERCERO.—El fin'),
      ...chapters('CAPÍTULO I', 'CAPÍTULO II', 'CAPÍTULO III'),
    ];
    const result = detectHeadings(input);
    expect(result.removed.map((r) => r.kind)).toEqual(['toc', 'toc', 'toc']);
    expect(result.paragraphs[0]).toEqual({ text: 'CAPÍTULO I', kind: 'heading' });
    expect(result.headingCount).toBe(3);
  });

  it('removes a table of contents kept as one multi-line block', () => {
    const toc: Paragraph = { text: 'CAPÍTULO I.—El hidalgo 5\nCAPÍTULO II.—La venta 17', kind: 'verse' };
    const result = detectHeadings([toc, ...chapters('CAPÍTULO I', 'CAPÍTULO II')]);
    expect(result.removed).toEqual([{ kind: 'toc', text: toc.text, paragraph: 0 }]);
    expect(result.headingCount).toBe(2);
  });

  it('keeps chapter numbers that restart in each part, and part headings right above a chapter', () => {
    const input = [prose('PARTE PRIMERA'), ...chapters('CAPÍTULO I', 'CAPÍTULO II'), prose('PARTE SEGUNDA'), ...chapters('CAPÍTULO I', 'CAPÍTULO II')];
    const result = detectHeadings(input);
    expect(result.removed).toEqual([]);
    expect(result.headingCount).toBe(6);
  });

  it('keeps a heading with its subtitle lines and splits a heading off a long paragraph', () => {
    const result = detectHeadings([
      { text: 'CAPÍTULO I\nEl hidalgo de la aldea', kind: 'verse' },
      prose(LONG),
      { text: `CAPÍTULO II\n${LONG}\n${LONG}\n${LONG}\n${LONG}`, kind: 'verse' },
      prose(LONG),
    ]);
    expect(result.paragraphs.map((p) => p.kind)).toEqual(['heading', 'prose', 'heading', 'verse', 'prose']);
    expect(result.paragraphs[2]?.text).toBe('CAPÍTULO II');
    expect(result.kept).toEqual([0, 1, 2, 2, 3]);
  });

  it('keeps headings the HTML parser marked, even without a chapter number', () => {
    const result = detectHeadings([{ text: 'El hidalgo', kind: 'heading' }, prose(LONG), { text: 'La venta', kind: 'heading' }, prose(LONG)]);
    expect(result.headingCount).toBe(2);
    expect(result.removed).toEqual([]);
  });

  it('removes a table of contents of bare titles that reappear in the chapter headings (Quijote, pg2000)', () => {
    const input = [
      prose('El ingenioso hidalgo don Quijote de la Mancha'),
      prose('Tasa'),
      prose('Prólogo'),
      { text: 'Que trata de la condición y ejercicio del famoso\nhidalgo don Quijote de la Mancha', kind: 'verse' as const },
      { text: 'Que trata de la primera salida que de su tierra hizo\nel ingenioso don Quijote', kind: 'verse' as const },
      prose('Del buen suceso que el valeroso don Quijote tuvo en la aventura de los molinos de viento'),
      prose('TASA'),
      prose(LONG),
      prose('PRÓLOGO'),
      prose(LONG),
      prose('Capítulo primero. Que trata de la condición y ejercicio del famoso hidalgo don Quijote de la Mancha'),
      prose(LONG),
      prose('Capítulo II. Que trata de la primera salida que de su tierra hizo el ingenioso don Quijote'),
      prose(LONG),
      prose('Capítulo VIII. Del buen suceso que el valeroso don Quijote tuvo en la aventura de los molinos de viento'),
      prose(LONG),
    ];
    const result = detectHeadings(input);
    expect(result.removed.map((r) => r.text.slice(0, 20))).toEqual([
      'Tasa',
      'Prólogo',
      'Que trata de la cond',
      'Que trata de la prim',
      'Del buen suceso que ',
    ]);
    expect(result.paragraphs[0]).toEqual(prose('El ingenioso hidalgo don Quijote de la Mancha'));
    expect(result.headingCount).toBe(4);
  });

  it('does not take the repeated speaker names and short lines of a play for a table of contents', () => {
    const scene = ['DON JUAN.', '¿Quién va?', 'CIUTTI.', 'Yo, señor.', 'DON JUAN.', '¿Qué quieres?', 'CIUTTI.', 'Nada.'];
    const act = [...scene, ...scene, ...scene, ...scene].map(prose);
    const input = [prose('ACTO PRIMERO'), ...act, prose('ACTO SEGUNDO'), ...act];
    const result = detectHeadings(input);
    expect(result.removed).toEqual([]);
    expect(result.paragraphs).toHaveLength(input.length);
  });

  it('does not take a long paragraph starting like a heading for one', () => {
    const text = `Capítulo primero de mi vida: ${LONG} ${LONG}`;
    expect(detectHeadings([prose(text)]).paragraphs).toEqual([prose(text)]);
  });
});
