// An EPUB holding one XHTML document (deflated), for the hostile-input generators: the smallest package that
// parseEpub reads all the way to the HTML parser.
import { buildTestZip } from '../../text/test-zip.ts';

/** Path of the one document inside the archive; parse errors name it. */
export const HOSTILE_DOCUMENT_PATH = 'OEBPS/chapter.xhtml';

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

const OPF = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Hostil</dc:title><dc:language>es</dc:language></metadata>
  <manifest><item id="c1" href="chapter.xhtml" media-type="application/xhtml+xml"/></manifest>
  <spine><itemref idref="c1"/></spine>
</package>`;

/** `body` is the XHTML <body> content, as a string or as the chunks to join (a big body need not be one string). */
export function buildSingleDocumentEpub(body: string | string[]): Uint8Array {
  const head =
    '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Hostil</title></head><body>';
  const parts = [head, ...(typeof body === 'string' ? [body] : body), '</body></html>'];
  const document = new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p, 'utf8'))));
  return buildTestZip([
    { name: 'mimetype', data: 'application/epub+zip' },
    { name: 'META-INF/container.xml', data: CONTAINER },
    { name: 'OEBPS/content.opf', data: OPF },
    { name: HOSTILE_DOCUMENT_PATH, data: document, deflate: true },
  ]);
}
