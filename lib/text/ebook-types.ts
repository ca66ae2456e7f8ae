// Shapes shared by the ebook ingest pipeline (decode → strip → paragraphs → markers → headings) and its callers.
export type ParagraphKind = 'prose' | 'verse' | 'heading';

/** One unit of text; verse keeps its line breaks as "\n", prose is one line. */
export type Paragraph = { text: string; kind: ParagraphKind };

/**
 * Something taken out of the text, so nothing disappears silently. `paragraph` is the index, in the final
 * paragraph list, of the paragraph it was in or that followed it.
 */
export type RemovedMarker = {
  kind: 'illustration' | 'footnote' | 'note' | 'page' | 'transcriber' | 'scene-break' | 'toc' | 'credits';
  text: string;
  paragraph: number;
};

export type EbookReport = {
  format: 'txt' | 'html' | 'epub';
  encoding: string;
  gutenbergHeader: boolean;
  gutenbergFooter: boolean;
  removed: RemovedMarker[];
  warnings: string[];
  headingCount: number;
};

export type ParsedEbook = { title?: string; author?: string; paragraphs: Paragraph[]; report: EbookReport };
