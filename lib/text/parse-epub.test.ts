import { describe, expect, it } from 'vitest';
import { catchAppErrorAsync } from '../testing/catch-app-error.ts';
import { parseEpub } from './parse-epub.ts';
import { buildTestZip, type TestZipEntry } from './test-zip.ts';

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>`;

const OPF = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:title>Leyendas</dc:title>
    <dc:creator opf:role="ill">Un Ilustrador</dc:creator>
    <dc:creator opf:role="aut">Gustavo Adolfo B&#233;cquer</dc:creator>
    <dc:language>es</dc:language>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c2" href="text/cap%202.xhtml" media-type="application/xhtml+xml"/>
    <item id="c1" href="text/cap1.xhtml" media-type="application/xhtml+xml"/>
    <item id="notes" href="text/notes.xhtml" media-type="application/xhtml+xml"/>
    <item id="img" href="images/cover.jpg" media-type="image/jpeg"/>
    <item id="css" href="style.css" media-type="text/css"/>
  </manifest>
  <spine>
    <itemref idref="nav"/>
    <itemref idref="c1"/>
    <itemref idref="c2"/>
    <itemref idref="notes" linear="no"/>
  </spine>
</package>`;

const xhtml = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>x</title></head><body>${body}</body></html>`;

function epub(extra: TestZipEntry[] = [], replace: Record<string, string> = {}): Uint8Array {
  const entries: TestZipEntry[] = [
    { name: 'mimetype', data: 'application/epub+zip' },
    { name: 'META-INF/container.xml', data: CONTAINER },
    { name: 'OEBPS/content.opf', data: OPF },
    { name: 'OEBPS/nav.xhtml', data: xhtml('<nav epub:type="toc"><ol><li>El rayo de luna</li></ol></nav>') },
    {
      name: 'OEBPS/text/cap1.xhtml',
      data: xhtml('<h2>EL RAYO DE LUNA</h2><p>Yo no sé si esto es una historia que parece cuento<a epub:type="noteref" href="notes.xhtml#n1">1</a>.</p>'),
      deflate: true,
    },
    { name: 'OEBPS/text/cap 2.xhtml', data: xhtml('<h2>LOS OJOS VERDES</h2><p>Hace mucho tiempo que tenía ganas de escribir.</p>') },
    { name: 'OEBPS/text/notes.xhtml', data: xhtml('<aside epub:type="footnote" id="n1"><p>Nota.</p></aside>') },
    { name: 'OEBPS/images/cover.jpg', data: new Uint8Array([0xff, 0xd8, 0xff, 0x00]) },
    ...extra,
  ];
  return buildTestZip(entries.map((e) => (e.name in replace ? { ...e, data: replace[e.name]! } : e)));
}

describe('parseEpub', () => {
  it('reads the spine in order, skipping navigation and non-linear documents', async () => {
    const result = await parseEpub(epub(), 'leyendas.epub');
    expect(result.title).toBe('Leyendas');
    expect(result.author).toBe('Gustavo Adolfo Bécquer');
    expect(result.paragraphs).toEqual([
      { text: 'EL RAYO DE LUNA', kind: 'heading' },
      { text: 'Yo no sé si esto es una historia que parece cuento.', kind: 'prose' },
      { text: 'LOS OJOS VERDES', kind: 'heading' },
      { text: 'Hace mucho tiempo que tenía ganas de escribir.', kind: 'prose' },
    ]);
    expect(result.removed).toEqual([
      { kind: 'toc', text: '(navigation document OEBPS/nav.xhtml)', paragraph: 0 },
      { kind: 'footnote', text: '1', paragraph: 1 },
      { kind: 'note', text: '(non-linear document OEBPS/text/notes.xhtml)', paragraph: 4 },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('drops Project Gutenberg boilerplate inside the EPUB documents', async () => {
    const gutenberg = xhtml(
      '<section class="pg-boilerplate" id="pg-header"><p>Title: Leyendas</p><p>*** START OF THE PROJECT GUTENBERG EBOOK LEYENDAS ***</p></section><h2>EL RAYO DE LUNA</h2><p>Yo no sé.</p>',
    );
    const result = await parseEpub(epub([], { 'OEBPS/text/cap1.xhtml': gutenberg }), 'pg.epub');
    expect(result.gutenbergHeader).toBe(true);
    expect(result.paragraphs[0]).toEqual({ text: 'EL RAYO DE LUNA', kind: 'heading' });
  });

  it('warns about a spine document missing from the archive', async () => {
    const opf = OPF.replace('text/cap%202.xhtml', 'text/missing.xhtml');
    const result = await parseEpub(epub([], { 'OEBPS/content.opf': opf }), 'roto.epub');
    expect(result.paragraphs).toHaveLength(2);
    expect(result.warnings).toEqual(['roto.epub: OEBPS/text/missing.xhtml is listed in the spine but missing from the archive; skipped.']);
  });

  it.each([
    ['random bytes', new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 37) % 256))],
    ['a truncated archive', epub().subarray(0, 200)],
    ['an empty file', new Uint8Array()],
  ])('rejects %s as UNSUPPORTED_MEDIA naming the file', async (_name, bytes) => {
    const error = await catchAppErrorAsync(parseEpub(bytes, 'corrupto.epub'));
    expect(error.code).toBe('UNSUPPORTED_MEDIA');
    expect(error.message).toContain('corrupto.epub');
  });

  it('rejects an archive without META-INF/container.xml', async () => {
    const zip = buildTestZip([
      { name: 'mimetype', data: 'application/epub+zip' },
      { name: 'OEBPS/content.opf', data: OPF },
    ]);
    const error = await catchAppErrorAsync(parseEpub(zip, 'sin-container.epub'));
    expect(error.code).toBe('UNSUPPORTED_MEDIA');
    expect(error.message).toMatch(/sin-container\.epub.*container\.xml/);
  });

  it('rejects a package document that is missing', async () => {
    const zip = buildTestZip([{ name: 'META-INF/container.xml', data: CONTAINER }]);
    const error = await catchAppErrorAsync(parseEpub(zip, 'sin-opf.epub'));
    expect(error.code).toBe('UNSUPPORTED_MEDIA');
    expect(error.message).toContain('OEBPS/content.opf');
  });

  it('stops decompressing past the size cap (zip bomb guard)', async () => {
    const bomb = xhtml(`<p>${'a'.repeat(50_000)}</p>`);
    const bytes = epub([], { 'OEBPS/text/cap1.xhtml': bomb });
    const error = await catchAppErrorAsync(parseEpub(bytes, 'bomba.epub', { maxUncompressedBytes: 20_000 }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('bomba.epub');
  });

  it('rejects an entry that inflates past the size its header declares', async () => {
    const bomb = xhtml(`<p>${'a'.repeat(50_000)}</p>`);
    const entries: TestZipEntry[] = [
      { name: 'META-INF/container.xml', data: CONTAINER },
      { name: 'OEBPS/content.opf', data: OPF },
      { name: 'OEBPS/text/cap1.xhtml', data: bomb, deflate: true, declaredSize: 100 },
    ];
    const error = await catchAppErrorAsync(parseEpub(buildTestZip(entries), 'mentira.epub', { maxUncompressedBytes: 20_000 }));
    expect(['TOO_LARGE', 'UNSUPPORTED_MEDIA']).toContain(error.code);
    expect(error.message).toContain('mentira.epub');
  });
});
