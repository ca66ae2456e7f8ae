// One way to read HTML, XHTML and the EPUB package XML: htmlparser2's streaming tokenizer (WHATWG entity
// decoding, implied end tags, void elements), with a nesting limit. Every element opened is closed (implied
// closes included), so a handler can keep one frame per open element without recursion.
import { Parser } from 'htmlparser2';
import { AppError } from '../errors/app-error.ts';
import { EBOOK_LIMITS } from './ebook-budget.ts';

export type MarkupHandler = {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
};

/**
 * Streams `markup` into `handler`: lower-case names, decoded text and attribute values; comments, doctypes and
 * processing instructions vanish; `<x/>` closes itself (XHTML); CDATA is text. `where` names the file in errors.
 */
export function parseMarkup(
  markup: string,
  handler: MarkupHandler,
  opts: { where: string; maxDepth?: number },
): void {
  const maxDepth = opts.maxDepth ?? EBOOK_LIMITS.maxDepth;
  let depth = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        if (++depth > maxDepth) throw tooDeep(markup, parser.startIndex, name, maxDepth, opts.where);
        handler.open(name, attrs);
      },
      onclosetag(name) {
        depth--;
        handler.close(name);
      },
      ontext(text) {
        handler.text(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true, recognizeCDATA: true },
  );
  parser.end(markup);
}

function tooDeep(markup: string, at: number, name: string, maxDepth: number, where: string): AppError {
  let line = 1;
  for (let i = markup.indexOf('\n'); i !== -1 && i < at; i = markup.indexOf('\n', i + 1)) line++;
  return new AppError(
    'INVALID_INPUT',
    `${where}: the HTML nests elements more than ${maxDepth.toLocaleString('en-US')} deep (a <${name}> on line ${line}), ` +
      'which no real book does; re-export the ebook (for example with Calibre) or upload its .txt edition.',
    { where, limit: maxDepth, line },
  );
}
