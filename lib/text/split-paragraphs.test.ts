import { describe, expect, it } from 'vitest';
import { cleanInline, isSceneBreak, splitParagraphs } from './split-paragraphs.ts';

// Realistic Gutenberg wrapping: lines of up to ~70 characters.
const PROSE = `En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha
mucho tiempo que vivía un hidalgo de los de lanza en astillero, adarga
antigua, rocín flaco y galgo corredor.`;
const PROSE_ONE_LINE =
  'En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha mucho tiempo que vivía un hidalgo de los de lanza en astillero, adarga antigua, rocín flaco y galgo corredor.';

describe('splitParagraphs', () => {
  it('unwraps hard-wrapped prose into one line per paragraph', () => {
    const { paragraphs } = splitParagraphs(`${PROSE}\n\n${PROSE}\n`);
    expect(paragraphs).toEqual([
      { text: PROSE_ONE_LINE, kind: 'prose' },
      { text: PROSE_ONE_LINE, kind: 'prose' },
    ]);
  });

  it('keeps the line breaks of indented verse', () => {
    const text = `${PROSE}\n\n    Con diez cañones por banda,\n      viento en popa a toda vela,\n    no corta el mar, sino vuela\n    un velero bergantín.\n\n${PROSE}`;
    const { paragraphs } = splitParagraphs(text);
    expect(paragraphs[1]).toEqual({
      text: 'Con diez cañones por banda,\nviento en popa a toda vela,\nno corta el mar, sino vuela\nun velero bergantín.',
      kind: 'verse',
    });
  });

  it('keeps the line breaks of unindented short lines (verse in a prose book)', () => {
    const text = `${PROSE}\n\nVerde que te quiero verde.\nVerde viento. Verdes ramas.\nEl barco sobre la mar\ny el caballo en la montaña.\n\n${PROSE}`;
    expect(splitParagraphs(text).paragraphs[1]?.kind).toBe('verse');
    expect(splitParagraphs(text).paragraphs[1]?.text.split('\n')).toHaveLength(4);
  });

  it('keeps a table-of-contents block line by line', () => {
    const text = `${PROSE}\n\nCAPÍTULO I.--El hidalgo de la aldea ................ 5\nCAPÍTULO II.--La venta del camino y lo que allí pasó ... 17\nCAPÍTULO III.--Donde se cuenta el fin ................ 29`;
    const toc = splitParagraphs(text).paragraphs[1];
    expect(toc?.kind).toBe('verse');
    expect(toc?.text.split('\n')).toHaveLength(3);
  });

  it('separates a heading line written right above its prose', () => {
    const { paragraphs } = splitParagraphs(`CAPÍTULO I\n${PROSE}`);
    expect(paragraphs).toEqual([
      { text: 'CAPÍTULO I', kind: 'prose' },
      { text: PROSE_ONE_LINE, kind: 'prose' },
    ]);
  });

  it('splits paragraphs marked only by a first-line indent', () => {
    const text = `   Era una mañana de abril, fresca y luminosa, cuando salimos todos
juntos hacia el pueblo.
   Nadie sabía entonces lo que había de ocurrir aquella misma tarde en
la plaza.`;
    expect(splitParagraphs(text).paragraphs).toEqual([
      { text: 'Era una mañana de abril, fresca y luminosa, cuando salimos todos juntos hacia el pueblo.', kind: 'prose' },
      { text: 'Nadie sabía entonces lo que había de ocurrir aquella misma tarde en la plaza.', kind: 'prose' },
    ]);
  });

  it('treats every line as a paragraph when the text is not hard-wrapped', () => {
    const long = 'Una frase larga que no se corta nunca porque el archivo no tiene saltos de línea. '.repeat(3).trim();
    const { paragraphs } = splitParagraphs(`${long}\n${long}\n\n${long}`);
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs.every((p) => p.kind === 'prose' && p.text === long)).toBe(true);
  });

  it('rejoins a word split by a hyphen at the end of a line', () => {
    const text = `Salieron los dos caballeros con el alba, atravesaron el campo medio-
dormido y llegaron a la venta cuando ya era casi la hora de comer.`;
    expect(splitParagraphs(text).paragraphs[0]?.text).toContain('medio-dormido y llegaron');
  });

  it.each([
    '*       *       *       *       *',
    '* * *',
    '***',
    '-----',
    '———',
    '⁂',
    '. . . . . .',
  ])('drops and reports the scene break %j', (brk) => {
    const { paragraphs, removed } = splitParagraphs(`${PROSE}\n\n          ${brk}\n\n${PROSE}`);
    expect(paragraphs).toHaveLength(2);
    expect(removed).toEqual([{ kind: 'scene-break', text: brk.replace(/\s+/g, ' '), paragraph: 1 }]);
  });

  it('converts old typography: -- to em dash, _italics_ to plain text', () => {
    const text = `--¿Adónde vas?--preguntó el cura, que le tenía _mucho_ cariño a su
sobrino y a _Rocinante_.`;
    expect(splitParagraphs(text).paragraphs[0]?.text).toBe(
      '—¿Adónde vas?—preguntó el cura, que le tenía mucho cariño a su sobrino y a Rocinante.',
    );
  });

  it('returns nothing for blank text', () => {
    expect(splitParagraphs('\n\n   \n')).toEqual({ paragraphs: [], removed: [] });
  });
});

describe('cleanInline', () => {
  it.each([
    ['_muy_ tarde', 'muy tarde'],
    ['una _frase en cursiva_ aquí', 'una frase en cursiva aquí'],
    ['nombre_de_archivo', 'nombre_de_archivo'],
    ['él--dijo--vendrá', 'él—dijo—vendrá'],
    ['¡Ah---!', '¡Ah—!'],
  ])('%j → %j', (input, expected) => {
    expect(cleanInline(input)).toBe(expected);
  });
});

describe('isSceneBreak', () => {
  it.each([
    ['* * *', true],
    ['**', true],
    ['*', false],
    ['—', false],
    ['—¿Y bien?', false],
    ['FIN', false],
  ])('%j → %s', (text, expected) => {
    expect(isSceneBreak(text)).toBe(expected);
  });
});
