import { describe, expect, it } from 'vitest';
import type { Paragraph } from './ebook-types.ts';
import { stripMarkers } from './strip-markers.ts';

const prose = (text: string): Paragraph => ({ text, kind: 'prose' });

describe('stripMarkers', () => {
  it.each([
    [
      'notes example 5',
      'Era muy tarde[1]. [Ilustración: El hidalgo] Se fué á la venta.',
      'Era muy tarde. Se fué á la venta.',
      [['footnote', '[1]'], ['illustration', '[Ilustración: El hidalgo]']],
    ],
    ['page mark in braces', 'Pasaron los días {23} y el hidalgo no volvía.', 'Pasaron los días y el hidalgo no volvía.', [['page', '{23}']]],
    ['roman page mark', 'Prólogo {xii} del autor.', 'Prólogo del autor.', [['page', '{xii}']]],
    ['[Pg 23] mark', 'Y dijo[Pg 23] que no.', 'Y dijo que no.', [['page', '[Pg 23]']]],
    ['[Pág. 12] mark', 'Y dijo [Pág. 12] que no.', 'Y dijo que no.', [['page', '[Pág. 12]']]],
    ['English illustration', '[Illustration: The knight] He rode on.', 'He rode on.', [['illustration', '[Illustration: The knight]']]],
    ['bare illustration', 'Antes [Illustration] después.', 'Antes después.', [['illustration', '[Illustration]']]],
    ['nested brackets', 'Antes [Ilustración: El [viejo] hidalgo] después.', 'Antes después.', [['illustration', '[Ilustración: El [viejo] hidalgo]']]],
    ['inline footnote body', 'Galgo[Footnote 1: Perro de caza.] corredor.', 'Galgo corredor.', [['footnote', '[Footnote 1: Perro de caza.]']]],
    ['note', 'Dijo así [Nota: en latín en el original.] y calló.', 'Dijo así y calló.', [['note', '[Nota: en latín en el original.]']]],
    ['translator note', 'Vino el rey [N. del T.: Felipe II.] al fin.', 'Vino el rey al fin.', [['note', '[N. del T.: Felipe II.]']]],
    ['transcriber note in brackets', 'Texto [Transcriber’s Note: “fué” kept as printed.] sigue.', 'Texto sigue.', [['transcriber', '[Transcriber’s Note: “fué” kept as printed.]']]],
    ['Spanish transcriber note', 'Texto [Nota del transcriptor: se ha respetado la ortografía.] sigue.', 'Texto sigue.', [['transcriber', '[Nota del transcriptor: se ha respetado la ortografía.]']]],
    ['letter anchor', 'Una cosa[A] y otra[*].', 'Una cosa y otra.', [['footnote', '[A]'], ['footnote', '[*]']]],
    ['editorial brackets kept', 'Vase. [Aparte.] Bien está [sic] lo que bien acaba.', 'Vase. [Aparte.] Bien está [sic] lo que bien acaba.', []],
    ['braces that are not page numbers kept', 'El conjunto {a, b} es finito.', 'El conjunto {a, b} es finito.', []],
  ])('%s', (_name, input, output, kinds) => {
    const result = stripMarkers([prose(input)]);
    expect(result.paragraphs).toEqual([prose(output)]);
    expect(result.removed).toEqual(kinds.map(([kind, text]) => ({ kind, text, paragraph: 0 })));
    expect(result.kept).toEqual([0]);
  });

  it('drops paragraphs that become empty and reports where they were', () => {
    const result = stripMarkers([prose('Uno.'), prose('[Illustration: Don Quijote]'), prose('{5}'), prose('Dos.')]);
    expect(result.paragraphs).toEqual([prose('Uno.'), prose('Dos.')]);
    expect(result.kept).toEqual([0, 3]);
    expect(result.removed).toEqual([
      { kind: 'illustration', text: '[Illustration: Don Quijote]', paragraph: 1 },
      { kind: 'page', text: '{5}', paragraph: 1 },
    ]);
  });

  it('removes a footnote running over several paragraphs', () => {
    const result = stripMarkers([
      prose('Antes del texto.'),
      prose('[Footnote 1: Primer párrafo de la nota,'),
      prose('segundo párrafo de la nota.'),
      prose('Tercero y último.] El texto sigue aquí.'),
      prose('Después.'),
    ]);
    expect(result.paragraphs).toEqual([prose('Antes del texto.'), prose('El texto sigue aquí.'), prose('Después.')]);
    expect(result.kept).toEqual([0, 3, 4]);
    expect(result.removed).toEqual([
      {
        kind: 'footnote',
        text: '[Footnote 1: Primer párrafo de la nota,\n\nsegundo párrafo de la nota.\n\nTercero y último.]',
        paragraph: 1,
      },
    ]);
  });

  it('keeps the text before a marker that continues into the next paragraph', () => {
    const result = stripMarkers([prose('Llegó a la venta. [Ilustración: La venta'), prose('al caer la tarde] El ventero salió.')]);
    expect(result.paragraphs).toEqual([prose('Llegó a la venta.'), prose('El ventero salió.')]);
    expect(result.removed).toMatchObject([{ kind: 'illustration', text: '[Ilustración: La venta\n\nal caer la tarde]' }]);
  });

  it('removes an unclosed marker only to the end of its paragraph', () => {
    const result = stripMarkers([prose('Texto [Illustration: sin cierre'), prose('Sigue el libro.')]);
    expect(result.paragraphs).toEqual([prose('Texto'), prose('Sigue el libro.')]);
    expect(result.removed).toEqual([{ kind: 'illustration', text: '[Illustration: sin cierre', paragraph: 0 }]);
  });

  it('removes footnote bodies written as "[1] text" paragraphs', () => {
    const result = stripMarkers([prose('Galgo corredor[1].'), prose('[1] Perro de caza muy veloz.')]);
    expect(result.paragraphs).toEqual([prose('Galgo corredor.')]);
    expect(result.removed).toEqual([
      { kind: 'footnote', text: '[1]', paragraph: 0 },
      { kind: 'footnote', text: '[1] Perro de caza muy veloz.', paragraph: 1 },
    ]);
  });

  it('removes a transcriber’s notes section with its list', () => {
    const result = stripMarkers([
      prose('FIN'),
      prose('Notas del transcriptor'),
      { text: '- Se han corregido errores tipográficos evidentes.\n- Página 23: "aqui" cambiado a "aquí".', kind: 'verse' },
      prose('Página 45: se ha mantenido la ortografía original.'),
    ]);
    expect(result.paragraphs).toEqual([prose('FIN')]);
    expect(result.removed.map((r) => r.kind)).toEqual(['transcriber', 'transcriber', 'transcriber']);
  });

  it('removes markers from verse line by line, dropping lines left empty', () => {
    const result = stripMarkers([{ text: 'Con diez cañones por banda,\n[Illustration]\nviento en popa a toda vela{12}', kind: 'verse' }]);
    expect(result.paragraphs).toEqual([{ text: 'Con diez cañones por banda,\nviento en popa a toda vela', kind: 'verse' }]);
    expect(result.removed.map((r) => r.kind)).toEqual(['illustration', 'page']);
  });
});
