// The ebook ingest entry point: dispatches on format, then runs the shared clean-up so every format yields the
// same paragraphs and one report of everything removed.
import { AppError } from '../errors/app-error.ts';
import type { EbookReport, Paragraph, ParsedEbook, RemovedMarker } from './ebook-types.ts';
import { decodeText, missingAccentsWarning } from './decode-text.ts';
import { detectHeadings } from './detect-headings.ts';
import { EbookBudget } from './ebook-budget.ts';
import { parseEpub } from './parse-epub.ts';
import { parseHtmlEbook } from './parse-html-ebook.ts';
import { splitParagraphs } from './split-paragraphs.ts';
import { readGutenbergFields, stripGutenberg } from './strip-gutenberg.ts';
import { stripMarkers } from './strip-markers.ts';

type Format = EbookReport['format'];

const PK = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The format to parse as: by extension, except that an EPUB is recognised by content whatever its name. */
function detectFormat(bytes: Uint8Array, fileName: string): Format | undefined {
  if (startsWith(bytes, PK)) {
    const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
    if (head.includes('application/epub+zip') || /\.epub$/i.test(fileName)) return 'epub';
  }
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'epub') return 'epub';
  return undefined;
}

/** Moves paragraph indices of earlier reports through a stage that kept only the input paragraphs `kept`. */
function remap(removed: RemovedMarker[], kept: number[]): RemovedMarker[] {
  return removed.map((r) => {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((kept[mid] ?? 0) < r.paragraph) lo = mid + 1;
      else hi = mid;
    }
    return { ...r, paragraph: lo };
  });
}

type Stage1 = {
  /** Set when the content overrides the extension (a .txt holding an HTML page). */
  format?: Format;
  paragraphs: Paragraph[];
  removed: RemovedMarker[];
  title?: string;
  author?: string;
  encoding: string;
  gutenbergHeader: boolean;
  gutenbergFooter: boolean;
  warnings: string[];
};

function readTxt(bytes: Uint8Array, fileName: string): Stage1 {
  const decoded = decodeText(bytes, fileName);
  // A .txt that is really an HTML page (saved from a browser) is parsed as HTML.
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])/i.test(decoded.text)) {
    const html = readHtmlText(decoded.text, fileName);
    return { ...html, format: 'html', encoding: decoded.encoding, warnings: [...decoded.warnings, ...html.warnings] };
  }
  const budget = new EbookBudget();
  budget.addText(decoded.text.length, fileName);
  const stripped = stripGutenberg(decoded.text);
  const split = splitParagraphs(stripped.text);
  budget.addBlocks(split.paragraphs.length + split.removed.length + stripped.removed.length, fileName);
  const clamp = (r: RemovedMarker) => ({ ...r, paragraph: Math.min(r.paragraph, split.paragraphs.length) });
  return {
    ...readGutenbergFields(stripped.headerText),
    paragraphs: split.paragraphs,
    removed: [...stripped.removed.map(clamp), ...split.removed],
    encoding: decoded.encoding,
    gutenbergHeader: stripped.header,
    gutenbergFooter: stripped.footer,
    warnings: decoded.warnings,
  };
}

function readHtmlText(text: string, fileName: string): Omit<Stage1, 'encoding'> {
  const html = parseHtmlEbook(text, { where: fileName });
  const warning = missingAccentsWarning(html.paragraphs.map((p) => p.text).join('\n'), fileName);
  return { ...html, warnings: warning ? [warning] : [] };
}

function readHtml(bytes: Uint8Array, fileName: string): Stage1 {
  const decoded = decodeText(bytes, fileName, { checkAccents: false });
  const html = readHtmlText(decoded.text, fileName);
  return { ...html, encoding: decoded.encoding, warnings: [...decoded.warnings, ...html.warnings] };
}

async function readEpub(bytes: Uint8Array, fileName: string): Promise<Stage1> {
  const epub = await parseEpub(bytes, fileName);
  const warning = missingAccentsWarning(epub.paragraphs.map((p) => p.text).join('\n'), fileName);
  return { ...epub, encoding: 'utf-8', warnings: warning ? [...epub.warnings, warning] : epub.warnings };
}

export async function parseEbook(bytes: Uint8Array, fileName: string): Promise<ParsedEbook> {
  const format = detectFormat(bytes, fileName);
  if (!format) {
    throw new AppError(
      'UNSUPPORTED_MEDIA',
      `${fileName} is not a supported ebook format: upload a .txt, .html or .epub file.`,
      { fileName },
    );
  }
  const stage1 =
    format === 'epub'
      ? await readEpub(bytes, fileName)
      : format === 'html'
        ? readHtml(bytes, fileName)
        : readTxt(bytes, fileName);

  const markers = stripMarkers(stage1.paragraphs);
  const headings = detectHeadings(markers.paragraphs);
  const removed = [
    ...remap(remap([...stage1.removed], markers.kept), headings.kept),
    ...remap(markers.removed, headings.kept),
    ...headings.removed,
  ].sort((a, b) => a.paragraph - b.paragraph);

  const paragraphs = headings.paragraphs;
  if (paragraphs.length === 0) {
    throw new AppError(
      'INVALID_INPUT',
      `${fileName} has no readable text once the Project Gutenberg licence, notes and contents are removed: ` +
        'check that it is the book itself.',
      { fileName },
    );
  }

  const warnings = [...stage1.warnings];
  if (stage1.gutenbergHeader && !stage1.gutenbergFooter) {
    warnings.push(
      `${fileName}: Project Gutenberg start marker found but no end marker; check the end of the text for licence text.`,
    );
  }
  if (headings.headingCount === 0) {
    warnings.push(`${fileName}: no chapter headings found; the split into audio files will follow text length only.`);
  }
  const report: EbookReport = {
    format: stage1.format ?? format,
    encoding: stage1.encoding,
    gutenbergHeader: stage1.gutenbergHeader,
    gutenbergFooter: stage1.gutenbergFooter,
    removed,
    warnings,
    headingCount: headings.headingCount,
  };
  return {
    ...(stage1.title ? { title: stage1.title } : {}),
    ...(stage1.author ? { author: stage1.author } : {}),
    paragraphs,
    report,
  };
}
