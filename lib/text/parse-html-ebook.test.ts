import { describe, expect, it } from 'vitest';
import { catchAppError } from '../testing/catch-app-error.ts';
import { EbookBudget, EBOOK_LIMITS } from './ebook-budget.ts';
import { parseHtmlEbook } from './parse-html-ebook.ts';

// Shape of a current Project Gutenberg HTML5 file (boilerplate in <section class="pg-boilerplate">).
const MARIANELA_HTML = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="es">
<head>
<meta charset="utf-8" />
<title>The Project Gutenberg eBook of Marianela, by Benito Pérez Galdós</title>
<style> p { text-indent: 1em } h2 > span { color: red } </style>
<script>var x = "<p>not text</p>";</script>
</head>
<body>
<section class="pg-boilerplate pgheader" id="pg-header" lang="en">
<h2 id="pg-header-heading" title="">The Project Gutenberg eBook of <span lang="es">Marianela</span></h2>
<div>This ebook is for the use of anyone anywhere in the United States.</div>
<div class="container" id="pg-machine-header"><p><strong>Title</strong>: Marianela</p>
<div id="pg-header-authlist"><p><strong>Author</strong>: Benito Pérez Galdós</p></div>
<p><strong>Release date</strong>: May 1, 2004 [eBook #5998]</p></div>
<div id="pg-start-separator"><span>*** START OF THE PROJECT GUTENBERG EBOOK MARIANELA ***</span></div>
</section>
<div class="chapter">
<h1>MARIANELA</h1>
<p class="center">POR</p>
<p class="center">B. PÉREZ GALDÓS</p>
</div>
<div class="toc"><p><a href="#cap1">I. Perdido</a></p><p><a href="#cap2">II. Guiado</a></p></div>
<div class="chapter">
<h2 id="cap1">I<br />PERDIDO</h2>
<p>Se puso el sol. Tras el breve crepúsculo vino tranquila y oscura la noche,
en cuyo negro seno murieron poco a poco los últimos rumores de la tierra
soñolienta<a class="fnanchor" href="#Footnote_1">[1]</a>, y el viajero siguió adelante en su camino,
apresurando el paso.<span class="pagenum"><a id="Page_8">[Pg 8]</a></span></p>
<div class="figcenter"><img src="images/i01.jpg" alt="" /><div class="caption">El viajero perdido</div></div>
<p>&mdash;¿Quién va? &iquest;Quién es? &#8212;preguntó una voz&nbsp;&amp; luego calló; era el n.<sup>o</sup> 5 de la calle<sup>2</sup>.</p>
<div class="poem"><div class="stanza">
<span class="i0">Cantaba la niña<br /></span>
<span class="i2">al pie del nogal,<br /></span>
</div><div class="stanza">
<div class="verse">y el eco en la peña</div>
<div class="verse">volvía a cantar.</div>
</div></div>
<p class="center">*       *       *</p>
<div class="footnote"><p><a id="Footnote_1"></a><a href="#FNanchor_1"><span class="label">[1]</span></a> Nota del autor sobre la tierra.</p></div>
</div>
<div class="chapter">
<h2 id="cap2">II<br />GUIADO</h2>
<p>&mdash;Pues por aquí va usted bien, le dijo el muchacho.</p>
</div>
<section class="pg-boilerplate pgfooter" id="pg-footer" lang="en">
<div id="pg-end-separator"><span>*** END OF THE PROJECT GUTENBERG EBOOK MARIANELA ***</span></div>
<p>Updated editions will replace the previous one.</p>
</section>
</body>
</html>`;

describe('parseHtmlEbook', () => {
  it('turns a Gutenberg HTML5 ebook into paragraphs without boilerplate', () => {
    const result = parseHtmlEbook(MARIANELA_HTML);
    expect(result.title).toBe('Marianela');
    expect(result.author).toBe('Benito Pérez Galdós');
    expect(result.gutenbergHeader).toBe(true);
    expect(result.gutenbergFooter).toBe(true);
    expect(result.paragraphs).toEqual([
      { text: 'MARIANELA', kind: 'heading' },
      { text: 'POR', kind: 'prose' },
      { text: 'B. PÉREZ GALDÓS', kind: 'prose' },
      { text: 'I\nPERDIDO', kind: 'heading' },
      {
        text:
          'Se puso el sol. Tras el breve crepúsculo vino tranquila y oscura la noche, en cuyo negro seno murieron ' +
          'poco a poco los últimos rumores de la tierra soñolienta, y el viajero siguió adelante en su camino, ' +
          'apresurando el paso.',
        kind: 'prose',
      },
      { text: '—¿Quién va? ¿Quién es? —preguntó una voz & luego calló; era el n.º 5 de la calle.', kind: 'prose' },
      { text: 'Cantaba la niña\nal pie del nogal,', kind: 'verse' },
      { text: 'y el eco en la peña\nvolvía a cantar.', kind: 'verse' },
      { text: 'II\nGUIADO', kind: 'heading' },
      { text: '—Pues por aquí va usted bien, le dijo el muchacho.', kind: 'prose' },
    ]);
    expect(result.removed).toEqual([
      { kind: 'toc', text: 'I. Perdido II. Guiado', paragraph: 3 },
      { kind: 'footnote', text: '[1]', paragraph: 4 },
      { kind: 'page', text: '[Pg 8]', paragraph: 4 },
      { kind: 'illustration', text: 'El viajero perdido', paragraph: 5 },
      { kind: 'footnote', text: '2', paragraph: 5 },
      { kind: 'scene-break', text: '* * *', paragraph: 8 },
      { kind: 'footnote', text: '[1] Nota del autor sobre la tierra.', paragraph: 8 },
    ]);
  });

  it('cuts at the text markers of older Gutenberg HTML (header in <pre>)', () => {
    const html = `<html><head><title>Doña Perfecta</title></head><body>
<pre>
The Project Gutenberg EBook of Doña Perfecta, by Benito Pérez Galdós

Title: Doña Perfecta

Author: Benito Pérez Galdós

*** START OF THIS PROJECT GUTENBERG EBOOK DOÑA PERFECTA ***
</pre>
<p>Produced by Distributed Proofreaders</p>
<h2>CAPÍTULO PRIMERO</h2>
<p>Cuando el tren mixto descendente llegó a la pequeña estación.</p>
<p>FIN</p>
<pre>
End of the Project Gutenberg EBook of Doña Perfecta

*** END OF THIS PROJECT GUTENBERG EBOOK DOÑA PERFECTA ***
</pre>
<p>Licence text</p>
</body></html>`;
    const result = parseHtmlEbook(html);
    expect(result).toMatchObject({ title: 'Doña Perfecta', author: 'Benito Pérez Galdós', gutenbergHeader: true, gutenbergFooter: true });
    expect(result.paragraphs).toEqual([
      { text: 'CAPÍTULO PRIMERO', kind: 'heading' },
      { text: 'Cuando el tren mixto descendente llegó a la pequeña estación.', kind: 'prose' },
      { text: 'FIN', kind: 'prose' },
    ]);
    expect(result.removed).toEqual([{ kind: 'credits', text: 'Produced by Distributed Proofreaders', paragraph: 0 }]);
  });

  it('handles a plain, non-Gutenberg HTML page', () => {
    const html = `<!doctype html><html><head><title>Rimas</title><meta name="author" content="Gustavo Adolfo Bécquer"></head>
<body><h3>Rima XXI</h3><p>¿Qué es poesía?, dices mientras clavas<br>en mi pupila tu pupila azul.</p>
<ul><li>Uno</li><li>Dos <b>y</b> tres</li></ul><table><tr><td>a</td><td>b</td></tr></table></body></html>`;
    const result = parseHtmlEbook(html);
    expect(result).toMatchObject({ title: 'Rimas', author: 'Gustavo Adolfo Bécquer', gutenbergHeader: false, gutenbergFooter: false });
    expect(result.paragraphs).toEqual([
      { text: 'Rima XXI', kind: 'heading' },
      { text: '¿Qué es poesía?, dices mientras clavas\nen mi pupila tu pupila azul.', kind: 'verse' },
      { text: 'Uno', kind: 'prose' },
      { text: 'Dos y tres', kind: 'prose' },
      { text: 'a b', kind: 'prose' },
    ]);
  });

  it('treats <br><br> as a paragraph break', () => {
    const result = parseHtmlEbook('<body>Primer párrafo.<br><br>\n<br/>Segundo párrafo,<br>en dos líneas.</body>');
    expect(result.paragraphs).toEqual([
      { text: 'Primer párrafo.', kind: 'prose' },
      { text: 'Segundo párrafo,\nen dos líneas.', kind: 'verse' },
    ]);
  });

  it('tolerates broken markup', () => {
    const result = parseHtmlEbook('<p>Uno <i>dos</b> tres<p>Cuatro < cinco<div>Seis');
    expect(result.paragraphs.map((p) => p.text)).toEqual(['Uno dos tres', 'Cuatro < cinco', 'Seis']);
  });
});

const textOf = (html: string) => parseHtmlEbook(html).paragraphs.map((p) => p.text);

describe('entities', () => {
  it.each([
    ['&aacute;rbol &Ntilde;u&ntilde;oa', 'árbol Ñuñoa'],
    ['&#233;l &#xE9;l &#XE9;l', 'él él él'],
    ['a&#151;b', 'a—b'], // a windows-1252 number, as HTML5 reads it
    ['&laquo;hola&raquo; &iquest;s&iacute;? &iexcl;no!', '«hola» ¿sí? ¡no!'],
    ['&amp;lt; &unknown; & suelto', '&lt; &unknown; & suelto'],
    ['dé&shy;bil', 'débil'],
    ['&#0;&#xD800;', '\uFFFD\uFFFD'],
    ['&hellip;&nbsp;&mdash;&rsquo;', '… —’'], // a no-break space is blank space like any other
  ])('%j → %j', (input, expected) => {
    expect(textOf(`<p>${input}</p>`)).toEqual([expected]);
  });

  it('decodes attribute values', () => {
    expect(parseHtmlEbook('<html><head><meta name="author" content="B&eacute;cquer"></head><body><p>x</p></body></html>').author).toBe('Bécquer');
  });
});

describe('markup', () => {
  it('reads attributes with ">" inside quotes, and skips comments, CDATA markers and processing instructions', () => {
    const html = '<?xml version="1.0"?><p><a href="x>y" class=\'c\' hidden>t</a><!-- <p>no</p> --><![CDATA[ y ]]><br/>z</p>';
    expect(textOf(html)).toEqual(['t y\nz']);
  });

  it('keeps script and style content out of the text, even when it looks like markup', () => {
    expect(textOf('<body><script>if (a < b) x = "</p>";</script><style>p{}</style><p>Texto.</p></body>')).toEqual(['Texto.']);
  });

  it('reads nested inline markup, XHTML self-closing tags and implied end tags', () => {
    expect(textOf('<p>Uno <b>dos <i>tres <span>cuatro</span></i></b> cinco<span/> seis<li>siete<li>ocho</p>')).toEqual([
      'Uno dos tres cuatro cinco seis',
      'siete',
      'ocho',
    ]);
  });

  it('keeps a long superscript or note link as text, however deeply they nest', () => {
    const words = 'palabra '.repeat(20).trim();
    const html = `<p>Antes ${'<sup><a href="#note">'.repeat(300)}${words}${'</a></sup>'.repeat(300)} después.</p>`;
    expect(textOf(html)).toEqual([`Antes ${words} después.`]);
  });
});

describe('limits', () => {
  const nested = (levels: number) => `<body>${'<div>'.repeat(levels)}Hola.${'</div>'.repeat(levels)}</body>`;

  it(`refuses elements nested more than ${EBOOK_LIMITS.maxDepth} deep, naming the file`, () => {
    const error = catchAppError(() => parseHtmlEbook(nested(EBOOK_LIMITS.maxDepth + 10), { where: 'hondo.html' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/^hondo\.html: the HTML nests elements more than 1,000 deep \(a <div> on line 1\).*re-export the ebook/);
  });

  it('reads nesting just under the limit', () => {
    // <html>, <head> and <body> are implied around the fragment's own <body>: 3 levels.
    expect(textOf(nested(EBOOK_LIMITS.maxDepth - 3))).toEqual(['Hola.']);
  });

  it('refuses more paragraphs than the budget allows, naming the file', () => {
    const budget = new EbookBudget({ ...EBOOK_LIMITS, maxBlocks: 1_000 });
    const html = '<p>Frase.</p>'.repeat(1_001);
    const error = catchAppError(() => parseHtmlEbook(html, { where: 'muchos.html', budget }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/^muchos\.html: more than 1,000 paragraphs/);
    expect(parseHtmlEbook('<p>Frase.</p>'.repeat(1_000), { budget: new EbookBudget({ ...EBOOK_LIMITS, maxBlocks: 1_000 }) }).paragraphs).toHaveLength(1_000);
  });

  it('refuses more text than the budget allows, naming the file', () => {
    const budget = new EbookBudget({ ...EBOOK_LIMITS, maxTextChars: 10_000 });
    const error = catchAppError(() => parseHtmlEbook(`<p>${'a'.repeat(10_001)}</p>`, { where: 'largo.html', budget }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/^largo\.html: more than 10,000 characters of text/);
  });
});
