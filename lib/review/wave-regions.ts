// The waveform's regions for the editor's two levels, from the fragments (no React, no DOM): one region per
// paragraph, or one per sentence, coloured by its paragraph's status. A sentence region's first and last edges
// are its paragraph's (anchors stay locked); its inner edges are sentence boundaries.
import type { FragmentView } from './fragment-view.ts';
import { fittedSentences } from './move-sentence-edge.ts';
import { sentenceRegionId } from './sentence-region-id.ts';
import { visibleSpans } from './visible-spans.ts';

/** One waveform region as the editor draws it. */
export type WaveRegion = {
  id: string;
  start: number;
  end: number;
  color: string;
  lowConfidence: boolean;
  selected: boolean;
  /** Anchors: a locked edge cannot be dragged. */
  lockedBegin: boolean;
  lockedEnd: boolean;
  /** What it is, for screen readers: "Paragraph 3", "Paragraph 3, sentence 2 of 4". */
  label?: string;
  /** What the region says on itself (regionCaption cuts it to the region's width): "12" or "12.3", and the text. */
  caption?: { num: string; text: string };
  /** Sentence level: an edge between two sentences of one paragraph (drawn thinner than a paragraph edge). */
  innerBegin?: boolean;
  innerEnd?: boolean;
};

export type EditorLevel = 'paragraph' | 'sentence';

export const STATUS_COLOR: Record<string, string> = {
  auto: 'rgba(148,163,184,0.22)',
  edited: 'rgba(245,158,11,0.28)',
  approved: 'rgba(16,185,129,0.26)',
  rejected: 'rgba(239,68,68,0.26)',
};
// Every other sentence of a paragraph a shade lighter, so neighbouring sentences read apart.
const STATUS_COLOR_ALT: Record<string, string> = {
  auto: 'rgba(148,163,184,0.12)',
  edited: 'rgba(245,158,11,0.15)',
  approved: 'rgba(16,185,129,0.14)',
  rejected: 'rgba(239,68,68,0.14)',
};
export const LOW_CONFIDENCE = 0.5;

const timed = (f: FragmentView) => f.begin !== null && f.end !== null;

export function paragraphRegions(fragments: readonly FragmentView[], currentId: string | null): WaveRegion[] {
  return fragments.filter(timed).map((f) => ({
    id: f.id,
    start: f.begin ?? 0,
    end: f.end ?? 0,
    color: STATUS_COLOR[f.status] ?? STATUS_COLOR.auto!,
    lowConfidence: f.confidence !== null && f.confidence < LOW_CONFIDENCE,
    selected: f.id === currentId,
    lockedBegin: f.lockedBegin,
    lockedEnd: f.lockedEnd,
    label: `Paragraph ${f.position + 1}`,
    caption: { num: String(f.position + 1), text: f.text },
  }));
}

/**
 * `current`: the selected paragraph and, optionally, its selected sentence (else all of its sentences are).
 * `minWidth` (seconds): how wide a zero-length sentence is drawn, so that it keeps its handles (visibleSpans).
 */
export function sentenceRegions(fragments: readonly FragmentView[], current: { id: string | null; sentence: number | null }, minWidth = 0): WaveRegion[] {
  return fragments.filter(timed).flatMap((f) => {
    const sentences = fittedSentences(f);
    const last = sentences.length - 1;
    const shown = visibleSpans(sentences, { begin: f.begin ?? 0, end: f.end ?? 0 }, minWidth);
    return shown.map((span, k) => ({
      id: sentenceRegionId(f.id, k),
      start: span.begin,
      end: span.end,
      color: (k % 2 === 0 ? STATUS_COLOR : STATUS_COLOR_ALT)[f.status] ?? STATUS_COLOR.auto!,
      lowConfidence: f.confidence !== null && f.confidence < LOW_CONFIDENCE,
      selected: f.id === current.id && (current.sentence === null || current.sentence === k),
      lockedBegin: k === 0 && f.lockedBegin,
      lockedEnd: k === last && f.lockedEnd,
      label: `Paragraph ${f.position + 1}, sentence ${k + 1} of ${last + 1}`,
      caption: { num: `${f.position + 1}.${k + 1}`, text: f.sentences?.[k]?.text ?? f.text },
      innerBegin: k > 0,
      innerEnd: k < last,
    }));
  });
}

/** The regions of `fragments` at `level`, for a drag preview (positions only). */
export function regionSpans(fragments: readonly FragmentView[], level: EditorLevel, minWidth = 0): Array<{ id: string; start: number; end: number }> {
  const regions = level === 'sentence' ? sentenceRegions(fragments, { id: null, sentence: null }, minWidth) : paragraphRegions(fragments, null);
  return regions.map((r) => ({ id: r.id, start: r.start, end: r.end }));
}
