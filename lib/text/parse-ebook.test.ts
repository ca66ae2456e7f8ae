import { describe, expect, it } from 'vitest';
import { catchAppErrorAsync } from '../testing/catch-app-error.ts';
import type { Paragraph } from './ebook-types.ts';
import { parseEbook } from './parse-ebook.ts';
import { proposeSplit } from './propose-split.ts';
import { buildTestZip } from './test-zip.ts';

// An old-style (2009) Project Gutenberg Spanish text, trimmed: header, credits, title page, table of contents,
// three chapters with an illustration, a footnote, verse, a scene break and a page mark, footer and licence.
const SPANISH_BOOK = `The Project Gutenberg EBook of Novelas cortas, by Pedro Antonio de Alarcón

This eBook is for the use of anyone anywhere at no cost and with
almost no restrictions whatsoever.  You may copy it, give it away or
re-use it under the terms of the Project Gutenberg License included
with this eBook or online at www.gutenberg.org


Title: Novelas cortas

Author: Pedro Antonio de Alarcón

Release Date: March 3, 2009 [EBook #28241]

Language: Spanish

Character set encoding: ISO-8859-1

*** START OF THIS PROJECT GUTENBERG EBOOK NOVELAS CORTAS ***




Produced by Chuck Greif and the Online Distributed
Proofreading Team at http://www.pgdp.net (This file was
produced from images generously made available by The
Internet Archive)





                             NOVELAS CORTAS

                                  POR

                       PEDRO ANTONIO DE ALARCÓN


                                 ÍNDICE

    CAPÍTULO I.--El hidalgo de la aldea                              5
    CAPÍTULO II.--La venta del camino                               17
    CAPÍTULO III.--Donde se cuenta el fin                           29



                               CAPÍTULO I

                         EL HIDALGO DE LA ALDEA


En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha
mucho tiempo que vivía un hidalgo de los de lanza en astillero, adarga
antigua, rocín flaco y galgo corredor[1]. Una olla de algo más vaca que
carnero, salpicón las más noches, duelos y quebrantos los sábados.

[Ilustración: El hidalgo en su aposento]

--¿Adónde vas?--preguntó el cura, que le tenía _mucho_ cariño y no
quería verle marchar sin saber el motivo de tan largo viaje.

    Con diez cañones por banda,
    viento en popa a toda vela,
    no corta el mar, sino vuela
    un velero bergantín.

[Footnote 1: Galgo: perro de caza muy veloz. Véase el diccionario de
la Academia.]

                   *       *       *       *       *

Pasaron los días {23} y el hidalgo no volvía, y todos en la aldea se
preguntaban qué habría sido de él y de su rocín flaco y de su galgo.


                              CAPÍTULO II

                          LA VENTA DEL CAMINO


Llegó a la venta al caer la tarde, cuando el sol se ponía detrás de
los cerros y las sombras se alargaban sobre el camino polvoriento.

El ventero salió a recibirle con una vela en la mano y le preguntó
qué deseaba para cenar aquella noche tan fría.


                              CAPÍTULO III

                     DONDE SE CUENTA EL FIN


Y así acabó la historia del hidalgo de la aldea, que volvió a su casa
más sabio y más pobre que cuando salió de ella, como suele suceder.

                                  FIN




End of the Project Gutenberg EBook of Novelas cortas, by Pedro Antonio de Alarcón

*** END OF THIS PROJECT GUTENBERG EBOOK NOVELAS CORTAS ***

***** This file should be named 28241-8.txt or 28241-8.zip *****
This and all associated files of various formats will be found in:
        http://www.gutenberg.org/2/8/2/4/28241/

Updated editions will replace the previous one--the old editions
will be renamed.

*** START: FULL LICENSE ***

THE FULL PROJECT GUTENBERG LICENSE
PLEASE READ THIS BEFORE YOU DISTRIBUTE OR USE THIS WORK
`;

const EXPECTED_PARAGRAPHS: Paragraph[] = [
  { text: 'NOVELAS CORTAS', kind: 'prose' },
  { text: 'POR', kind: 'prose' },
  { text: 'PEDRO ANTONIO DE ALARCÓN', kind: 'prose' },
  { text: 'CAPÍTULO I', kind: 'heading' },
  { text: 'EL HIDALGO DE LA ALDEA', kind: 'prose' },
  {
    text:
      'En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha mucho tiempo que vivía un hidalgo de ' +
      'los de lanza en astillero, adarga antigua, rocín flaco y galgo corredor. Una olla de algo más vaca que ' +
      'carnero, salpicón las más noches, duelos y quebrantos los sábados.',
    kind: 'prose',
  },
  {
    text: '—¿Adónde vas?—preguntó el cura, que le tenía mucho cariño y no quería verle marchar sin saber el motivo de tan largo viaje.',
    kind: 'prose',
  },
  {
    text: 'Con diez cañones por banda,\nviento en popa a toda vela,\nno corta el mar, sino vuela\nun velero bergantín.',
    kind: 'verse',
  },
  {
    text: 'Pasaron los días y el hidalgo no volvía, y todos en la aldea se preguntaban qué habría sido de él y de su rocín flaco y de su galgo.',
    kind: 'prose',
  },
  { text: 'CAPÍTULO II', kind: 'heading' },
  { text: 'LA VENTA DEL CAMINO', kind: 'prose' },
  {
    text: 'Llegó a la venta al caer la tarde, cuando el sol se ponía detrás de los cerros y las sombras se alargaban sobre el camino polvoriento.',
    kind: 'prose',
  },
  {
    text: 'El ventero salió a recibirle con una vela en la mano y le preguntó qué deseaba para cenar aquella noche tan fría.',
    kind: 'prose',
  },
  { text: 'CAPÍTULO III', kind: 'heading' },
  { text: 'DONDE SE CUENTA EL FIN', kind: 'prose' },
  {
    text: 'Y así acabó la historia del hidalgo de la aldea, que volvió a su casa más sabio y más pobre que cuando salió de ella, como suele suceder.',
    kind: 'prose',
  },
  { text: 'FIN', kind: 'prose' },
];

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[¿¡]/g, '');

describe('parseEbook: Project Gutenberg plain text', () => {
  it('parses an ISO-8859-1 ("-8.txt") Spanish book', async () => {
    const book = await parseEbook(latin1(SPANISH_BOOK), '28241-8.txt');
    expect(book.title).toBe('Novelas cortas');
    expect(book.author).toBe('Pedro Antonio de Alarcón');
    expect(book.paragraphs).toEqual(EXPECTED_PARAGRAPHS);
    expect(book.report).toEqual({
      format: 'txt',
      encoding: 'windows-1252',
      gutenbergHeader: true,
      gutenbergFooter: true,
      headingCount: 3,
      warnings: [],
      removed: [
        {
          kind: 'credits',
          text:
            'Produced by Chuck Greif and the Online Distributed Proofreading Team at http://www.pgdp.net (This ' +
            'file was produced from images generously made available by The Internet Archive)',
          paragraph: 0,
        },
        { kind: 'toc', text: 'ÍNDICE', paragraph: 3 },
        {
          kind: 'toc',
          text: 'CAPÍTULO I.—El hidalgo de la aldea 5\nCAPÍTULO II.—La venta del camino 17\nCAPÍTULO III.—Donde se cuenta el fin 29',
          paragraph: 3,
        },
        { kind: 'footnote', text: '[1]', paragraph: 5 },
        { kind: 'illustration', text: '[Ilustración: El hidalgo en su aposento]', paragraph: 6 },
        { kind: 'scene-break', text: '* * * * *', paragraph: 8 },
        {
          kind: 'footnote',
          text: '[Footnote 1: Galgo: perro de caza muy veloz. Véase el diccionario de la Academia.]',
          paragraph: 8,
        },
        { kind: 'page', text: '{23}', paragraph: 8 },
      ],
    });
  });

  it.each([
    ['UTF-8 ("-0.txt")', '28241-0.txt', utf8(SPANISH_BOOK), 'utf-8'],
    ['UTF-8 with BOM and CRLF line ends', '28241-0.txt', utf8('\uFEFF' + SPANISH_BOOK.replace(/\n/g, '\r\n')), 'utf-8'],
    ['ISO-8859-1 with CRLF line ends', '28241-8.TXT', latin1(SPANISH_BOOK.replace(/\n/g, '\r\n')), 'windows-1252'],
  ])('gives the same paragraphs for %s', async (_name, fileName, bytes, encoding) => {
    const book = await parseEbook(bytes, fileName);
    expect(book.paragraphs).toEqual(EXPECTED_PARAGRAPHS);
    expect(book.report.encoding).toBe(encoding);
  });

  it('warns about a 7-bit file whose accents were lost', async () => {
    const book = await parseEbook(utf8(stripAccents(SPANISH_BOOK)), '28241.txt');
    expect(book.report.warnings).toHaveLength(1);
    expect(book.report.warnings[0]).toMatch(/28241\.txt.*accent/);
    expect(book.report.headingCount).toBe(3);
  });

  it('reports every removal at a valid paragraph index', async () => {
    const book = await parseEbook(latin1(SPANISH_BOOK), '28241-8.txt');
    for (const r of book.report.removed) {
      expect(r.paragraph).toBeGreaterThanOrEqual(0);
      expect(r.paragraph).toBeLessThanOrEqual(book.paragraphs.length);
    }
  });

  it('splits the book at its chapters, the title page joining chapter I', async () => {
    const book = await parseEbook(latin1(SPANISH_BOOK), '28241-8.txt');
    const starts = proposeSplit(book.paragraphs, 3, { weights: [300, 200, 100] });
    expect(starts.map((s) => book.paragraphs[s]?.text)).toEqual(['NOVELAS CORTAS', 'CAPÍTULO II', 'CAPÍTULO III']);
  });

  it('warns when there are no chapter headings', async () => {
    const text = 'Una sola historia, sin capítulos, que cuenta algo breve y sencillo.\n\nY termina aquí.';
    const book = await parseEbook(utf8(text), 'cuento.txt');
    expect(book.paragraphs).toHaveLength(2);
    expect(book.report.headingCount).toBe(0);
    expect(book.report.warnings.join(' ')).toMatch(/no chapter headings/);
  });
});

// The current pg2000.txt (Don Quijote, trimmed): its table of contents lists bare chapter titles, without
// numbers and without an "ÍNDICE" title; the chapters repeat them after "Capítulo primero." etc.
const QUIJOTE_PARAGRAPH =
  'En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha mucho\ntiempo que vivía un hidalgo de los de lanza en astillero, adarga antigua,\nrocín flaco y galgo corredor. Una olla de algo más vaca que carnero.';
const QUIJOTE = `The Project Gutenberg eBook of Don Quijote
    
This ebook is for the use of anyone anywhere in the United States and
most other parts of the world at no cost and with almost no restrictions
whatsoever.

Title: Don Quijote

Author: Miguel de Cervantes Saavedra

Release date: December 1, 1999 [eBook #2000]
                Most recently updated: January 17, 2021

Language: Spanish



*** START OF THE PROJECT GUTENBERG EBOOK DON QUIJOTE ***




El ingenioso hidalgo don Quijote de la Mancha



por Miguel de Cervantes Saavedra





El ingenioso hidalgo don Quijote de la Mancha


  
Tasa

  
Prólogo

  
Al libro de don Quijote de la Mancha



Que trata de la condición y ejercicio del famoso
hidalgo don Quijote de la Mancha

Que trata de la primera salida que de su tierra hizo
el ingenioso don Quijote

Del buen suceso que el valeroso don Quijote tuvo en
la espantable y jamás imaginada aventura de los molinos de viento, con
otros sucesos dignos de felice recordación


Segunda parte del ingenioso caballero don Quijote de la Mancha


  
Tasa

  
Prólogo al lector



De lo que el cura y el barbero pasaron con don
Quijote cerca de su enfermedad

Que trata de la notable pendencia que Sancho Panza
tuvo con la sobrina y ama de don Quijote, con otros sujetos
graciosos




El ingenioso hidalgo don Quijote de la Mancha

TASA

Yo, Juan Gallo de Andrada, escribano de Cámara del Rey nuestro señor, de
los que residen en su Consejo, certifico y doy fe que, habiendo visto por
los señores dél un libro intitulado El ingenioso hidalgo de la Mancha.

Juan Gallo de Andrada.

PRÓLOGO

Desocupado lector: sin juramento me podrás creer que quisiera que este
libro, como hijo del entendimiento, fuera el más hermoso, el más gallardo
y más discreto que pudiera imaginarse.

AL LIBRO DE DON QUIJOTE DE LA MANCHA

Urganda la desconocida
Si de llegarte a los bue-,
libro, fueres con letu-,
no te dirá el boquirru-
que no pones bien los de-.

Primera parte del ingenioso hidalgo don Quijote de la Mancha




Capítulo primero. Que trata de la condición y ejercicio del famoso hidalgo
don Quijote de la Mancha

${QUIJOTE_PARAGRAPH}

Capítulo II. Que trata de la primera salida que de su tierra hizo el
ingenioso don Quijote

${QUIJOTE_PARAGRAPH}

Capítulo VIII. Del buen suceso que el valeroso don Quijote tuvo en la
espantable y jamás imaginada aventura de los molinos de viento, con otros
sucesos dignos de felice recordación

${QUIJOTE_PARAGRAPH}

Segunda parte del ingenioso caballero don Quijote de la Mancha

TASA

Yo, Hernando de Vallejo, escribano de Cámara del Rey nuestro señor, de
los que residen en su Consejo, doy fe que, habiendo visto por los señores
dél un libro.

PRÓLOGO AL LECTOR

¡Válame Dios, y con cuánta gana debes de estar esperando ahora, lector
ilustre, o quier plebeyo, este prólogo!

Capítulo primero. De lo que el cura y el barbero pasaron con don Quijote
cerca de su enfermedad

${QUIJOTE_PARAGRAPH}

Capítulo II. Que trata de la notable pendencia que Sancho Panza tuvo con la
sobrina y ama de don Quijote, con otros sujetos graciosos

${QUIJOTE_PARAGRAPH}

Fin

*** END OF THE PROJECT GUTENBERG EBOOK DON QUIJOTE ***
`;

describe('parseEbook: a table of contents of bare titles (Don Quijote)', () => {
  it('removes the title list and keeps the title page, front matter and chapters', async () => {
    const book = await parseEbook(utf8(QUIJOTE), 'pg2000.txt');
    expect(book).toMatchObject({ title: 'Don Quijote', author: 'Miguel de Cervantes Saavedra' });
    const toc = book.report.removed.filter((r) => r.kind === 'toc');
    expect(toc.map((r) => r.text.split('\n')[0])).toEqual([
      'El ingenioso hidalgo don Quijote de la Mancha',
      'Tasa',
      'Prólogo',
      'Al libro de don Quijote de la Mancha',
      'Que trata de la condición y ejercicio del famoso',
      'Que trata de la primera salida que de su tierra hizo',
      'Del buen suceso que el valeroso don Quijote tuvo en la espantable y jamás imaginada aventura de los molinos de viento, con otros sucesos dignos de felice recordación',
      'Segunda parte del ingenioso caballero don Quijote de la Mancha',
      'Tasa',
      'Prólogo al lector',
      'De lo que el cura y el barbero pasaron con don',
      'Que trata de la notable pendencia que Sancho Panza tuvo con la sobrina y ama de don Quijote, con otros sujetos graciosos',
    ]);
    expect(toc.every((r) => r.paragraph === 2)).toBe(true);
    expect(book.paragraphs.slice(0, 4).map((p) => p.text)).toEqual([
      'El ingenioso hidalgo don Quijote de la Mancha',
      'por Miguel de Cervantes Saavedra',
      'El ingenioso hidalgo don Quijote de la Mancha',
      'TASA',
    ]);
    expect(book.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text.slice(0, 30))).toEqual([
      'PRÓLOGO',
      'Primera parte del ingenioso hi',
      'Capítulo primero. Que trata de',
      'Capítulo II. Que trata de la p',
      'Capítulo VIII. Del buen suceso',
      'Segunda parte del ingenioso ca',
      'PRÓLOGO AL LECTOR',
      'Capítulo primero. De lo que el',
      'Capítulo II. Que trata de la n',
    ]);
    expect(book.paragraphs.find((p) => p.text.startsWith('Urganda'))?.kind).toBe('verse');
  });
});

describe('parseEbook: HTML and EPUB', () => {
  const html = `<!DOCTYPE html><html><head><title>The Project Gutenberg eBook of Marianela, by Benito Pérez Galdós</title></head>
<body><section class="pg-boilerplate" id="pg-header"><p>*** START OF THE PROJECT GUTENBERG EBOOK MARIANELA ***</p></section>
<h2>CAPÍTULO I</h2><h3>Perdido</h3><p>Se puso el sol.<a class="fnanchor" href="#f1">[1]</a> Tras el breve crep&uacute;sculo vino la noche.</p>
<p>[Ilustración: El viajero] Siguió andando.</p>
<h2>CAPÍTULO II</h2><p>&mdash;Pues por aquí va usted bien.</p>
<section class="pg-boilerplate" id="pg-footer"><p>*** END OF THE PROJECT GUTENBERG EBOOK MARIANELA ***</p></section></body></html>`;

  it('parses an HTML ebook', async () => {
    const book = await parseEbook(utf8(html), 'marianela.html');
    expect(book).toMatchObject({ title: 'Marianela', author: 'Benito Pérez Galdós' });
    expect(book.paragraphs).toEqual([
      { text: 'CAPÍTULO I', kind: 'heading' },
      { text: 'Perdido', kind: 'heading' },
      { text: 'Se puso el sol. Tras el breve crepúsculo vino la noche.', kind: 'prose' },
      { text: 'Siguió andando.', kind: 'prose' },
      { text: 'CAPÍTULO II', kind: 'heading' },
      { text: '—Pues por aquí va usted bien.', kind: 'prose' },
    ]);
    expect(book.report).toMatchObject({ format: 'html', encoding: 'utf-8', gutenbergHeader: true, gutenbergFooter: true, headingCount: 3, warnings: [] });
    expect(book.report.removed).toEqual([
      { kind: 'footnote', text: '[1]', paragraph: 2 },
      { kind: 'illustration', text: '[Ilustración: El viajero]', paragraph: 3 },
    ]);
    expect(proposeSplit(book.paragraphs, 2)).toEqual([0, 4]);
  });

  it('parses a .txt that is really an HTML page as HTML', async () => {
    const book = await parseEbook(latin1(html), 'marianela.txt');
    expect(book.report.format).toBe('html');
    expect(book.report.encoding).toBe('windows-1252');
    expect(book.paragraphs[2]?.text).toBe('Se puso el sol. Tras el breve crepúsculo vino la noche.');
  });

  it('does not warn about missing accents when they are written as entities', async () => {
    const page = `<html><body><p>${'Que de la el los las en por con una del para como pero se. '.repeat(3)}cancio&#769;n &eacute;l</p></body></html>`;
    expect((await parseEbook(utf8(page), 'a.htm')).report.warnings.filter((w) => /accent/.test(w))).toEqual([]);
  });

  const epubBytes = buildTestZip([
    { name: 'mimetype', data: 'application/epub+zip' },
    {
      name: 'META-INF/container.xml',
      data: '<container><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>',
    },
    {
      name: 'content.opf',
      data: `<package><metadata><dc:title>Rimas</dc:title><dc:creator>Gustavo Adolfo Bécquer</dc:creator></metadata>
<manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/><item id="b" href="b.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="a"/><itemref idref="b"/></spine></package>`,
    },
    { name: 'a.xhtml', data: '<html><body><h2>ÍNDICE</h2><p>Rima I</p><p>Rima II</p></body></html>', deflate: true },
    {
      name: 'b.xhtml',
      data: '<html><body><h2>Rima I</h2><p>Yo sé un himno gigante y extraño<br/>que anuncia en la noche del alma una aurora.</p><h2>Rima II</h2><p>Saeta que voladora<br/>cruza, arrojada al azar.</p></body></html>',
    },
  ]);

  it('parses an EPUB, removing its table of contents', async () => {
    const book = await parseEbook(epubBytes, 'rimas.epub');
    expect(book).toMatchObject({ title: 'Rimas', author: 'Gustavo Adolfo Bécquer' });
    expect(book.paragraphs.map((p) => p.kind)).toEqual(['heading', 'verse', 'heading', 'verse']);
    expect(book.report.format).toBe('epub');
    expect(book.report.removed.map((r) => [r.kind, r.text])).toEqual([
      ['toc', 'ÍNDICE'],
      ['toc', 'Rima I'],
      ['toc', 'Rima II'],
    ]);
  });

  it('recognises an EPUB by its content whatever its name', async () => {
    expect((await parseEbook(epubBytes, 'rimas.zip')).report.format).toBe('epub');
  });

  it('rejects a corrupt EPUB naming the file', async () => {
    const error = await catchAppErrorAsync(parseEbook(epubBytes.subarray(0, 120), 'rimas.epub'));
    expect(error.code).toBe('UNSUPPORTED_MEDIA');
    expect(error.message).toContain('rimas.epub');
  });
});

describe('parseEbook: bad input', () => {
  it.each([
    ['binary garbage', 'libro.txt', new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256)), 'UNSUPPORTED_MEDIA'],
    ['a ZIP that is not an EPUB', 'libro.txt', buildTestZip([{ name: 'a.txt', data: 'hola' }]), 'UNSUPPORTED_MEDIA'],
    ['an empty file', 'vacio.txt', new Uint8Array(), 'INVALID_INPUT'],
    ['Gutenberg boilerplate only', 'solo-licencia.txt', utf8('*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\n[Illustration]\n\n*** END OF THE PROJECT GUTENBERG EBOOK X ***\n'), 'INVALID_INPUT'],
    ['an HTML page without text', 'vacio.html', utf8('<html><head><title>x</title></head><body><img src="a.png"></body></html>'), 'INVALID_INPUT'],
    ['a PDF', 'libro.pdf', utf8('%PDF-1.4 ...'), 'UNSUPPORTED_MEDIA'],
    ['a Word document', 'libro.docx', buildTestZip([{ name: 'word/document.xml', data: '<w:document/>' }]), 'UNSUPPORTED_MEDIA'],
    ['a file without extension', 'libro', utf8('Hola.'), 'UNSUPPORTED_MEDIA'],
  ])('rejects %s naming the file', async (_name, fileName, bytes, code) => {
    const error = await catchAppErrorAsync(parseEbook(bytes, fileName));
    expect(error.code).toBe(code);
    expect(error.message).toContain(fileName);
  });

  it('tells which formats are accepted', async () => {
    const error = await catchAppErrorAsync(parseEbook(utf8('x'), 'libro.mobi'));
    expect(error.message).toMatch(/\.txt, \.html or \.epub/);
  });
});
