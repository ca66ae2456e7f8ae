// Hostile input (issue #10): an EPUB whose one document nests <div> `levels` deep around a word. 2,000,000
// levels are 22 MB of XHTML that deflate to about 30 KB.
import { buildSingleDocumentEpub } from './single-document-epub.ts';

export function buildDeepNestingEpub(levels: number): Uint8Array {
  return buildSingleDocumentEpub(['<div>'.repeat(levels), 'Hola.', '</div>'.repeat(levels)]);
}
