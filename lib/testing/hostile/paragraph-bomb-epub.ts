// Hostile input (issue #10): an EPUB whose one document holds `paragraphs` short numbered paragraphs. 1,700,000
// of them are about 30 MB of XHTML in a ZIP of about 0.3 MB.
import { buildSingleDocumentEpub } from './single-document-epub.ts';

export function buildParagraphBombEpub(paragraphs: number): Uint8Array {
  const chunks: string[] = [];
  let chunk = '';
  for (let i = 0; i < paragraphs; i++) {
    chunk += `<p>Frase ${i % 1000}.</p>\n`;
    if (chunk.length > 1 << 20) {
      chunks.push(chunk);
      chunk = '';
    }
  }
  chunks.push(chunk);
  return buildSingleDocumentEpub(chunks);
}
