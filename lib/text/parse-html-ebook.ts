// HTML/XHTML ebook → paragraphs, streamed from htmlparser2's events (parseMarkup) with one frame per open element,
// so time and memory stay linear in the input. Boilerplate is dropped by structure where it is marked
// (`pg-header`, `pagenum`, `footnote` classes, epub:type) and by the "*** START OF" / "*** END OF" text markers
// otherwise.
import type { Paragraph, RemovedMarker } from './ebook-types.ts';
import { EbookBudget } from './ebook-budget.ts';
import { parseMarkup } from './parse-markup.ts';
import { isSceneBreak } from './split-paragraphs.ts';
import { isCreditsParagraph, isGutenbergEndLine, isGutenbergStartLine, readGutenbergFields } from './strip-gutenberg.ts';

export type HtmlEbook = {
  title?: string;
  author?: string;
  paragraphs: Paragraph[];
  removed: RemovedMarker[];
  gutenbergHeader: boolean;
  gutenbergFooter: boolean;
};

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3']);
const SILENT = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'object', 'iframe']);
const LINE_BREAK = '\u2028'; // stands for <br> in the buffer, so whitespace collapsing keeps it
// Two line breaks in a row ("<br><br>", a blank line in <pre>) separate paragraphs in tag-soup pages.
const PARAGRAPH_BREAK = new RegExp(`${LINE_BREAK}[^\\S${LINE_BREAK}]*${LINE_BREAK}`);

type Skip = { kind?: RemovedMarker['kind'] | 'pg-header' | 'pg-footer'; text: string };
/** Where inline text goes: the paragraph buffer, or a <sup>/<a> being read to tell a footnote anchor from a word. */
type Sink = { text: string; endsWithBreak: boolean };
type Capture = Sink & { name: string; anchor: boolean };
/** One open element, and what opening it started (closed by the matching close event). */
type Frame =
  | { role: 'plain' | 'title' | 'skip' }
  | { role: 'capture'; capture: Capture }
  | { role: 'block'; heading: boolean; poem: boolean; stanza: boolean; pre: boolean };

/** Longest <sup>/<a> text still read as a possible anchor or ordinal; longer ones are text at once. */
const MAX_CAPTURE = 64;

/** Why an element is left out of the text, if it is. */
function skipKind(name: string, attrs: Record<string, string>, bodyStarted: boolean): Skip['kind'] | 'silent' | undefined {
  if (SILENT.has(name)) return 'silent';
  // Most elements have none of the attributes below: no need to look further.
  if (!attrs.class && !attrs.id && !attrs['epub:type']) return name === 'figure' ? 'illustration' : undefined;
  const classes = (attrs.class ?? '').toLowerCase().split(/\s+/);
  const hasClass = (...names: string[]) => names.some((n) => classes.includes(n));
  const id = (attrs.id ?? '').toLowerCase();
  const epubType = (attrs['epub:type'] ?? '').toLowerCase();
  if (id === 'pg-header') return 'pg-header';
  if (id === 'pg-footer') return 'pg-footer';
  if (hasClass('pg-boilerplate')) return bodyStarted ? 'pg-footer' : 'pg-header';
  if (hasClass('pagenum', 'pageno', 'page-num', 'pgnum', 'folio') || epubType.includes('pagebreak')) {
    return 'page';
  }
  if (
    hasClass('fnanchor', 'noteref', 'footnote', 'footnotes', 'endnote', 'endnotes') ||
    /footnote|endnote|rearnote|noteref/.test(epubType)
  ) {
    return 'footnote';
  }
  if (hasClass('transnote', 'tnote', 'transcriber', 'tn', 'trans-note') || id === 'tn' || id === 'transnote') {
    return 'transcriber';
  }
  if (hasClass('sidenote', 'marginnote')) return 'note';
  if (name === 'figure' || hasClass('figcenter', 'figleft', 'figright', 'figure', 'illustration', 'caption', 'illus')) {
    return 'illustration';
  }
  if (hasClass('toc') || id === 'toc' || epubType.includes('toc')) return 'toc';
  return undefined;
}

/** Superscript or note-link text that is a footnote anchor ("1", "[2]", "*"), not a word. */
const ANCHOR_TEXT = /^\s*[[(]?\s*(?:\d{1,3}|[*†‡§]{1,3}|[A-Z])\s*[\])]?\s*$/u;

/** Whether `sink` ends with a line break (and blank space) once `text` is appended: looks at `text` only. */
function endsWithBreak(before: boolean, text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === LINE_BREAK) return true;
    if (!/\s/.test(c)) return false;
  }
  return before;
}

/**
 * `where` names the file in errors ("book.epub (OEBPS/ch1.xhtml)"); `budget` is shared by the documents of one
 * ebook and refuses past its paragraph and text limits.
 */
export function parseHtmlEbook(
  html: string,
  opts: { where?: string; budget?: EbookBudget } = {},
): HtmlEbook {
  const where = opts.where ?? 'the HTML file';
  const budget = opts.budget ?? new EbookBudget();
  let paragraphs: Paragraph[] = [];
  let removed: RemovedMarker[] = [];
  let headerText = '';
  let gutenbergHeader = false;
  let gutenbergFooter = false;
  let ended = false;
  let bodyParagraphs = 0; // paragraphs since the start of the body, for "Produced by" credits
  let titleTag = '';
  const meta: Record<string, string> = {};

  const frames: Frame[] = [];
  let titleDepth = 0;
  let headingDepth = 0;
  let poemDepth = 0;
  let preDepth = 0;
  let skip: Skip | undefined;
  const captures: Capture[] = [];
  let buffer: Sink = { text: '', endsWithBreak: false };

  const remove = (marker: RemovedMarker) => {
    budget.addBlock(where);
    removed.push(marker);
  };

  const emit = (text: string, kind: Paragraph['kind']) => {
    if (ended) return;
    budget.addBlock(where);
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

  const appendText = (text: string) => {
    const sink = captures[captures.length - 1] ?? buffer;
    sink.text += text;
    sink.endsWithBreak = endsWithBreak(sink.endsWithBreak, text);
    // A long <sup>/<a> is no anchor: hand it (and every capture around it, longer still) on as text now, so
    // nested captures never copy long text from one to the next.
    if (sink !== buffer && sink.text.length > MAX_CAPTURE) resolveCaptures();
  };
  const closeCapture = () => {
    const c = captures.pop();
    if (!c) return;
    const text = c.text.length > MAX_CAPTURE ? '' : c.text.replace(/\s+/g, ' ');
    if (c.anchor && ANCHOR_TEXT.test(text)) {
      if (!ended) remove({ kind: 'footnote', text: text.trim(), paragraph: paragraphs.length });
      return;
    }
    // Spanish superscript ordinals: "n.<sup>o</sup>" is "n.º", "D.<sup>a</sup>" is "D.ª".
    const restored = c.name === 'sup' && /^[oa]$/.test(text.trim()) ? (text.trim() === 'o' ? 'º' : 'ª') : c.text;
    appendText(restored);
  };
  let resolving = false; // closeCapture → appendText → resolveCaptures must not recurse once per capture
  const resolveCaptures = () => {
    if (resolving) return;
    resolving = true;
    try {
      while (captures.length > 0) closeCapture();
    } finally {
      resolving = false;
    }
  };
  // A line break from element structure (a verse line's <div>), not from <br>: never doubled into a paragraph break.
  const softBreak = () => {
    const sink = captures[captures.length - 1] ?? buffer;
    if (!sink.endsWithBreak) appendText(LINE_BREAK);
  };

  const flush = () => {
    if (captures.length === 0 && buffer.text === '') return; // an empty block: the common case between blocks
    resolveCaptures();
    const raw = buffer.text;
    buffer = { text: '', endsWithBreak: false };
    for (const block of raw.split(PARAGRAPH_BREAK)) {
      const lines = block
        .split(LINE_BREAK)
        .map((l) => l.replace(/[\u00ad\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim())
        .filter(Boolean);
      if (lines.length === 0) continue;
      const kind: Paragraph['kind'] = headingDepth > 0 ? 'heading' : poemDepth > 0 || lines.length > 1 ? 'verse' : 'prose';
      emit(lines.join('\n'), kind);
    }
  };

  const finishSkip = (s: Skip) => {
    const text = s.text.replace(/\s+/g, ' ').trim();
    if (s.kind === 'pg-header') {
      gutenbergHeader = true;
      headerText += s.text + '\n';
    } else if (s.kind === 'pg-footer') {
      gutenbergFooter = true;
      ended = true;
    } else if (s.kind && text && !ended) {
      remove({ kind: s.kind, text, paragraph: paragraphs.length });
    }
  };

  const open = (name: string, attrs: Record<string, string>): Frame => {
    // <title> and <meta> feed the title/author fallback wherever they are (usually inside the skipped <head>).
    if (name === 'meta' && attrs.name && attrs.content) meta[attrs.name.toLowerCase()] = attrs.content;
    if (name === 'title') {
      titleDepth++;
      return { role: 'title' };
    }
    if (titleDepth > 0) return { role: 'plain' };
    if (skip) {
      if (BLOCK.has(name) || name === 'br') skip.text += '\n';
      return { role: 'plain' };
    }
    const kind = skipKind(name, attrs, paragraphs.length > 0 || gutenbergHeader);
    if (kind && !VOID.has(name)) {
      if (BLOCK.has(name)) flush();
      skip = { kind: kind === 'silent' ? undefined : kind, text: '' };
      return { role: 'skip' };
    }
    if (name === 'br') {
      appendText(LINE_BREAK);
      return { role: 'plain' };
    }
    if (name === 'sup' || name === 'a') {
      const noteLink =
        name === 'a' && (/(?:foot|note|nota|fn)/i.test(attrs.href ?? '') || /noteref/.test(attrs['epub:type'] ?? ''));
      const capture: Capture = { name, anchor: name === 'sup' || noteLink, text: '', endsWithBreak: false };
      captures.push(capture);
      return { role: 'capture', capture };
    }
    if (name === 'td' || name === 'th') {
      appendText(' ');
      return { role: 'plain' };
    }
    if (!BLOCK.has(name)) return { role: 'plain' };
    const classes = (attrs.class ?? '').toLowerCase();
    const poem = /\b(?:poem|poetry|stanza|lg|poema)\b/.test(classes);
    const stanza = /\bstanza\b/.test(classes);
    if (poemDepth > 0 && !stanza && !poem) softBreak();
    else flush();
    const block = { role: 'block' as const, heading: HEADINGS.has(name), poem, stanza, pre: name === 'pre' };
    if (block.heading) headingDepth++;
    if (block.poem) poemDepth++;
    if (block.pre) preDepth++;
    return block;
  };

  const close = (name: string, frame: Frame) => {
    switch (frame.role) {
      case 'title':
        titleDepth--;
        return;
      case 'skip':
        finishSkip(skip!);
        skip = undefined;
        return;
      case 'capture':
        // Closes its own capture, unless a block or a long text inside it already resolved it.
        if (captures[captures.length - 1] === frame.capture) closeCapture();
        return;
      case 'block':
        if (poemDepth > 0 && !frame.poem && !frame.stanza) softBreak();
        else flush(); // before the counters drop: a heading's own text is a heading
        if (frame.heading) headingDepth--;
        if (frame.poem) poemDepth--;
        if (frame.pre) preDepth--;
        return;
      case 'plain':
        if (skip && BLOCK.has(name) && !VOID.has(name)) skip.text += '\n';
        return;
    }
  };

  parseMarkup(
    html,
    {
      open: (name, attrs) => frames.push(open(name, attrs)),
      close: (name) => close(name, frames.pop()!),
      text: (raw) => {
        budget.addText(raw.length, where);
        if (titleDepth > 0) titleTag += raw;
        else if (skip) skip.text += raw.replace(/\s+/g, ' ');
        else appendText(preDepth > 0 ? raw.replace(/\r?\n/g, LINE_BREAK) : raw);
      },
    },
    { where },
  );
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
