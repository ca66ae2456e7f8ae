// A dragged waveform edge, at either level of the editor: a paragraph region's edge (moveBoundary, linked to its
// neighbour) or a sentence region's (moveSentenceEdge). Whatever moved, each changed paragraph's sentences are
// fitted to its times and the sentences the move touched lose the aligner's confidence, as the server will
// store them (dropTouchedConfidence), so that the undo history records what the server holds.
import { dropTouchedConfidence } from '../chapter-alignment/drop-touched-confidence.ts';
import { fitSentences } from '../chapter-alignment/fit-sentences.ts';
import type { FragmentView } from './fragment-view.ts';
import { toRegions } from './fragment-edits.ts';
import { moveBoundary, type BoundaryEdge, type MoveBoundaryOptions } from './move-boundary.ts';
import { moveSentenceEdge } from './move-sentence-edge.ts';
import { parseSentenceRegionId } from './sentence-region-id.ts';
import type { EdgeMoveKind } from './edge-move-entry.ts';

export type RegionEdgeMove = {
  /** The paragraph whose region (or one of whose sentence regions) was dragged. */
  index: number;
  /** The sentence dragged, or null at the paragraph level. */
  sentence: number | null;
  kind: EdgeMoveKind;
  /** The fragments after the move; unchanged ones keep their identity. */
  fragments: FragmentView[];
};

/** New times for the fragments `moved` gives other ones than they have (same order as `before`). */
export function withTimes(before: readonly FragmentView[], moved: readonly { begin: number; end: number }[]): FragmentView[] {
  return before.map((f, j) => {
    const r = moved[j];
    return r && (r.begin !== f.begin || r.end !== f.end) ? { ...f, begin: r.begin, end: r.end } : f;
  });
}

/** Each changed fragment's sentences fitted to its times, the touched ones without their confidence. */
export function settleSentences(before: readonly FragmentView[], next: readonly FragmentView[]): FragmentView[] {
  return next.map((f, j) => {
    const b = before[j];
    if (f === b || !f.sentences || f.begin === null || f.end === null) return f;
    return { ...f, sentences: dropTouchedConfidence(b?.sentences ?? null, fitSentences(f.sentences, f.begin, f.end)) };
  });
}

/** `regionId`: a paragraph's id or a sentence region's (sentenceRegionId). Null when no such paragraph. */
export function moveRegionEdge(
  fragments: readonly FragmentView[],
  regionId: string,
  edge: BoundaryEdge,
  time: number,
  opts: MoveBoundaryOptions,
): RegionEdgeMove | null {
  const s = parseSentenceRegionId(regionId);
  const id = s ? s.fragmentId : regionId;
  const index = fragments.findIndex((f) => f.id === id);
  if (index < 0) return null;
  if (s) {
    const m = moveSentenceEdge(fragments, index, s.sentence, edge, time, opts);
    return { index, sentence: s.sentence, kind: m.kind, fragments: settleSentences(fragments, m.fragments) };
  }
  const next = withTimes(fragments, moveBoundary(toRegions(fragments), index, edge, time, opts));
  return { index, sentence: null, kind: 'paragraph', fragments: settleSentences(fragments, next) };
}
