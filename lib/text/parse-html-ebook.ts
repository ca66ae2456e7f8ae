// HTML/XHTML ebook → paragraphs, with a small tolerant tokenizer instead of a DOM (Gutenberg and EPUB markup is
// regular enough). Boilerplate is dropped by structure where it is marked (`pg-header`, `pagenum`, `footnote`
// classes, epub:type) and by the "*** START OF" / "*** END OF" text markers otherwise.
import type { Paragraph, RemovedMarker } from './ebook-types.ts';
import { cp1252CodePoint } from './decode-text.ts';
import { isSceneBreak } from './split-paragraphs.ts';
import { isCreditsParagraph, isGutenbergEndLine, isGutenbergStartLine, readGutenbergFields } from './strip-gutenberg.ts';

export type HtmlToken =
  | { type: 'text'; text: string }
  | { type: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string };

export type HtmlEbook = {
  title?: string;
  author?: string;
  paragraphs: Paragraph[];
  removed: RemovedMarker[];
  gutenbergHeader: boolean;
  gutenbergFooter: boolean;
};

const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig ' +
  'Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash ' +
  'Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc ' +
  'euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml';
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", OElig: 'Œ', oelig: 'œ', Scaron: 'Š', scaron: 'š', Yuml: 'Ÿ',
  fnof: 'ƒ', circ: 'ˆ', tilde: '˜', ensp: ' ', emsp: ' ', thinsp: ' ', zwnj: '', zwj: '', lrm: '', rlm: '',
  ndash: '–', mdash: '—', horbar: '―', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  dagger: '†', Dagger: '‡', bull: '•', hellip: '…', permil: '‰', prime: '′', Prime: '″', lsaquo: '‹', rsaquo: '›',
  oline: '‾', euro: '€', trade: '™', larr: '←', rarr: '→', minus: '−', lowast: '∗', hyphen: '‐', ast: '*',
};
LATIN1_NAMES.split(' ').forEach((name, i) => {
  ENTITIES[name] = String.fromCharCode(160 + i);
});

/** Decodes named (HTML 4 set) and numeric character references; unknown ones are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    let code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    code = cp1252CodePoint(code); // &#151; means "—" in pages written for windows-1252
    if (!code || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
    return String.fromCodePoint(code);
  });
}

const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea']);

/** Splits HTML/XML into text, open and close tokens; comments, doctypes and processing instructions vanish. */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let i = 0;
  const pushText = (text: string) => {
    if (text) tokens.push({ type: 'text', text });
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      pushText(html.slice(i));
      break;
    }
    pushText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt + 9);
      pushText(html.slice(lt + 9, end === -1 ? html.length : end).replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const next = html[lt + 1] ?? '';
    if (next === '!' || next === '?') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const close = next === '/';
    const nameMatch = /^[A-Za-z][\w:.-]*/.exec(html.slice(lt + (close ? 2 : 1), lt + 80));
    if (!nameMatch) {
      pushText('&lt;');
      i = lt + 1;
      continue;
    }
    // Find the end of the tag, skipping ">" inside quoted attribute values.
    let j = lt + 1 + (close ? 1 : 0) + nameMatch[0].length;
    let quote = '';
    for (; j < html.length; j++) {
      const c = html[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const name = nameMatch[0].toLowerCase();
    const inner = html.slice(lt + 1 + (close ? 1 : 0) + nameMatch[0].length, j);
    i = j + 1;
    if (close) {
      tokens.push({ type: 'close', name });
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const m of inner.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      if (m[1]) attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    }
    const selfClosing = /\/\s*$/.test(inner);
    tokens.push({ type: 'open', name, attrs, selfClosing });
    if (RAW_TEXT.has(name) && !selfClosing) {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      const stop = end === -1 ? html.length : end;
      pushText(html.slice(i, stop));
      i = stop;
    }
  }
  return tokens;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3']);
const SILENT = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'object', 'iframe']);
const LINE_BREAK = '\u2028'; // stands for <br> in the buffer, so whitespace collapsing keeps it
const ENDS_WITH_BREAK = new RegExp(`${LINE_BREAK}\\s*$`);
// Two line breaks in a row ("<br><br>", a blank line in <pre>) separate paragraphs in tag-soup pages.
const PARAGRAPH_BREAK = new RegExp(`${LINE_BREAK}[^\\S${LINE_BREAK}]*${LINE_BREAK}`);

type Skip = { name: string; depth: number; kind?: RemovedMarker['kind'] | 'pg-header' | 'pg-footer'; text: string };
type Capture = { name: string; anchor: boolean; text: string };

function hasClass(attrs: Record<string, string>, ...names: string[]): boolean {
  const classes = (attrs.class ?? '').toLowerCase().split(/\s+/);
  return names.some((n) => classes.includes(n));
}

/** Why an element is left out of the text, if it is. */
function skipKind(name: string, attrs: Record<string, string>, bodyStarted: boolean): Skip['kind'] | 'silent' | undefined {
  if (SILENT.has(name)) return 'silent';
  const id = (attrs.id ?? '').toLowerCase();
  const epubType = (attrs['epub:type'] ?? '').toLowerCase();
  if (id === 'pg-header') return 'pg-header';
  if (id === 'pg-footer') return 'pg-footer';
  if (hasClass(attrs, 'pg-boilerplate')) return bodyStarted ? 'pg-footer' : 'pg-header';
  if (hasClass(attrs, 'pagenum', 'pageno', 'page-num', 'pgnum', 'folio') || epubType.includes('pagebreak')) {
    return 'page';
  }
  if (
    hasClass(attrs, 'fnanchor', 'noteref', 'footnote', 'footnotes', 'endnote', 'endnotes') ||
    /footnote|endnote|rearnote|noteref/.test(epubType)
  ) {
    return 'footnote';
  }
  if (hasClass(attrs, 'transnote', 'tnote', 'transcriber', 'tn', 'trans-note') || id === 'tn' || id === 'transnote') {
    return 'transcriber';
  }
  if (hasClass(attrs, 'sidenote', 'marginnote')) return 'note';
  if (name === 'figure' || hasClass(attrs, 'figcenter', 'figleft', 'figright', 'figure', 'illustration', 'caption', 'illus')) {
    return 'illustration';
  }
  if (hasClass(attrs, 'toc') || id === 'toc' || epubType.includes('toc')) return 'toc';
  return undefined;
}

/** Superscript or note-link text that is a footnote anchor ("1", "[2]", "*"), not a word. */
const ANCHOR_TEXT = /^\s*[[(]?\s*(?:\d{1,3}|[*†‡§]{1,3}|[A-Z])\s*[\])]?\s*$/u;

export function parseHtmlEbook(html: string): HtmlEbook {
  const tokens = tokenizeHtml(html);
  let paragraphs: Paragraph[] = [];
  let removed: RemovedMarker[] = [];
  let headerText = '';
  let gutenbergHeader = false;
  let gutenbergFooter = false;
  let ended = false;
  let bodyParagraphs = 0; // paragraphs since the start of the body, for "Produced by" credits
  let titleTag = '';
  const meta: Record<string, string> = {};

  const stack: { name: string; heading: boolean; poem: boolean; stanza: boolean; pre: boolean }[] = [];
  const skips: Skip[] = [];
  const captures: Capture[] = [];
  let buffer = '';
  const inside = (key: 'heading' | 'poem' | 'pre') => stack.some((e) => e[key]);

  const emit = (text: string, kind: Paragraph['kind']) => {
    if (ended) return;
    const lines = text.split('\n');
    const startAt = lines.findIndex(isGutenbergStartLine);
    if (startAt !== -1) {
      headerText += [...paragraphs.map((p) => p.text), text].join('\n') + '\n';
      paragraphs = [];
      removed = [];
      gutenbergHeader = true;
      bodyParagraphs = 0;
      return;
    }
    const endAt = lines.findIndex(isGutenbergEndLine);
    if (endAt !== -1) {
      gutenbergFooter = true;
      ended = true;
      const before = lines.slice(0, endAt).join('\n').trim();
      if (before) paragraphs.push({ text: before, kind });
      return;
    }
    if (isSceneBreak(text)) {
      removed.push({ kind: 'scene-break', text, paragraph: paragraphs.length });
      return;
    }
    if (bodyParagraphs < 6 && kind !== 'heading' && isCreditsParagraph(text)) {
      removed.push({ kind: 'credits', text, paragraph: paragraphs.length });
      return;
    }
    bodyParagraphs++;
    paragraphs.push({ text, kind });
  };

  const resolveCaptures = () => {
    while (captures.length > 0) closeCapture();
  };
  const closeCapture = () => {
    const c = captures.pop();
    if (!c) return;
    const text = c.text.replace(/\s+/g, ' ');
    if (c.anchor && ANCHOR_TEXT.test(text)) {
      if (!ended) removed.push({ kind: 'footnote', text: text.trim(), paragraph: paragraphs.length });
      return;
    }
    // Spanish superscript ordinals: "n.<sup>o</sup>" is "n.º", "D.<sup>a</sup>" is "D.ª".
    const restored = c.name === 'sup' && /^[oa]$/.test(text.trim()) ? (text.trim() === 'o' ? 'º' : 'ª') : c.text;
    appendText(restored);
  };
  // A line break from element structure (a verse line's <div>), not from <br>: never doubled into a paragraph break.
  const softBreak = () => {
    const top = captures[captures.length - 1];
    const current = top ? top.text : buffer;
    if (!ENDS_WITH_BREAK.test(current)) appendText(LINE_BREAK);
  };
  const appendText = (text: string) => {
    const top = captures[captures.length - 1];
    if (top) top.text += text;
    else buffer += text;
  };

  const flush = () => {
    resolveCaptures();
    const raw = buffer;
    buffer = '';
    for (const block of raw.split(PARAGRAPH_BREAK)) {
      const lines = block
        .split(LINE_BREAK)
        .map((l) => l.replace(/[\u00ad\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim())
        .filter(Boolean);
      if (lines.length === 0) continue;
      const kind: Paragraph['kind'] = inside('heading') ? 'heading' : inside('poem') || lines.length > 1 ? 'verse' : 'prose';
      emit(lines.join('\n'), kind);
    }
  };

  let inTitle = false;
  for (const tok of tokens) {
    // <title> and <meta> feed the title/author fallback wherever they are (usually inside the skipped <head>).
    if (tok.type === 'open' && tok.name === 'title' && !tok.selfClosing) inTitle = true;
    else if (tok.type === 'close' && tok.name === 'title') inTitle = false;
    else if (tok.type === 'open' && tok.name === 'meta' && tok.attrs.name && tok.attrs.content) {
      meta[tok.attrs.name.toLowerCase()] = tok.attrs.content;
    }
    if (inTitle || (tok.type !== 'text' && tok.name === 'title')) {
      if (tok.type === 'text') titleTag += decodeEntities(tok.text);
      continue;
    }

    const skip = skips[skips.length - 1];
    if (skip) {
      if (tok.type === 'text') skip.text += decodeEntities(tok.text).replace(/\s+/g, ' ');
      else if (BLOCK.has(tok.name) || tok.name === 'br') skip.text += '\n';
      if (tok.type === 'open' && tok.name === skip.name && !tok.selfClosing && !VOID.has(tok.name)) skip.depth++;
      if (tok.type === 'close' && tok.name === skip.name && --skip.depth === 0) {
        skips.pop();
        const text = skip.text.replace(/\s+/g, ' ').trim();
        if (skip.kind === 'pg-header') {
          gutenbergHeader = true;
          headerText += skip.text + '\n';
        } else if (skip.kind === 'pg-footer') {
          gutenbergFooter = true;
          ended = true;
        } else if (skip.kind && text && !ended) {
          removed.push({ kind: skip.kind, text, paragraph: paragraphs.length });
        }
      }
      continue;
    }

    if (tok.type === 'text') {
      let text = decodeEntities(tok.text);
      if (inside('pre')) text = text.replace(/\r?\n/g, LINE_BREAK);
      appendText(text);
      continue;
    }
    const { name } = tok;
    if (tok.type === 'open') {
      const attrs = tok.attrs;
      const kind = skipKind(name, attrs, paragraphs.length > 0 || gutenbergHeader);
      if (kind && !tok.selfClosing && !VOID.has(name)) {
        if (BLOCK.has(name)) flush();
        skips.push({ name, depth: 1, kind: kind === 'silent' ? undefined : kind, text: '' });
        continue;
      }
      if (name === 'br') {
        appendText(LINE_BREAK);
        continue;
      }
      if (name === 'sup' || name === 'a') {
        if (!tok.selfClosing) {
          const noteLink =
            name === 'a' && (/(?:foot|note|nota|fn)/i.test(attrs.href ?? '') || /noteref/.test(attrs['epub:type'] ?? ''));
          captures.push({ name, anchor: name === 'sup' || noteLink, text: '' });
        }
        continue;
      }
      if (name === 'td' || name === 'th') {
        appendText(' ');
        continue;
      }
      if (!BLOCK.has(name)) continue;
      const classes = (attrs.class ?? '').toLowerCase();
      const poem = /\b(?:poem|poetry|stanza|lg|poema)\b/.test(classes);
      const stanza = /\bstanza\b/.test(classes);
      if (inside('poem') && !stanza && !poem) softBreak();
      else flush();
      if (!tok.selfClosing && !VOID.has(name)) {
        stack.push({ name, heading: HEADINGS.has(name), poem, stanza, pre: name === 'pre' });
      }
      continue;
    }
    // close tag
    if ((name === 'sup' || name === 'a') && captures[captures.length - 1]?.name === name) {
      closeCapture();
      continue;
    }
    if (!BLOCK.has(name)) continue;
    const at = stack.map((e) => e.name).lastIndexOf(name);
    if (at === -1) continue;
    const el = stack[at]!;
    if (inside('poem') && !el.poem && !el.stanza) {
      softBreak();
      stack.splice(at);
    } else {
      flush();
      stack.splice(at);
    }
  }
  flush();

  const fields = readGutenbergFields(headerText);
  const fromTitleTag = readGutenbergFields(titleTag.replace(/\s+/g, ' ').trim());
  const title = fields.title ?? meta['dc.title'] ?? fromTitleTag.title ?? (titleTag.trim() || undefined);
  const author = fields.author ?? meta['dc.creator'] ?? meta.author ?? fromTitleTag.author;
  return {
    ...(title ? { title: title.replace(/\s+/g, ' ').trim() } : {}),
    ...(author ? { author: author.replace(/\s+/g, ' ').trim() } : {}),
    paragraphs,
    removed,
    gutenbergHeader,
    gutenbergFooter,
  };
}
