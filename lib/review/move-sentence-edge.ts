// Dragging a sentence edge at the sentence level of the editor. Pure, like moveBoundary: the component calls it
// on every pointer move and renders the result. An inner edge (between two sentences of one paragraph) moves
// inside its paragraph; the first sentence's begin and the last sentence's end are the paragraph's own edges,
// so they move the paragraph (linked to its neighbour as at the paragraph level) and the sentences follow
// (fitSentences).
import { fitSentences } from '../chapter-alignment/fit-sentences.ts';
import { moveBoundary, type BoundaryEdge, type MoveBoundaryOptions } from './move-boundary.ts';

type Span = { begin: number; end: number };

export type SentencedFragment<S extends Span> = { id: string; begin: number | null; end: number | null; sentences: S[] | null };

export type SentenceEdgeMove<F> = {
  /** 'paragraph': a paragraph edge moved (save it as a paragraph boundary); 'sentence': an inner edge. */
  kind: 'paragraph' | 'sentence';
  /** The fragments after the move (unchanged ones keep their identity), sentences fitted to their paragraph. */
  fragments: F[];
};

/** The sentences of a timed paragraph as they fit it now (one spanning it when none are stored). */
export function fittedSentences<S extends Span>(f: SentencedFragment<S>): Span[] {
  if (f.begin === null || f.end === null) return [];
  return fitSentences(f.sentences ?? [{ begin: f.begin, end: f.end }], f.begin, f.end);
}

export function isParagraphEdge(sentenceCount: number, sentence: number, edge: BoundaryEdge): boolean {
  return (edge === 'begin' && sentence === 0) || (edge === 'end' && sentence === sentenceCount - 1);
}

export function moveSentenceEdge<S extends Span, F extends SentencedFragment<S>>(
  fragments: readonly F[],
  index: number,
  sentence: number,
  edge: BoundaryEdge,
  time: number,
  opts: MoveBoundaryOptions,
): SentenceEdgeMove<F> {
  const f = fragments[index];
  if (!f || f.begin === null || f.end === null) return { kind: 'sentence', fragments: [...fragments] };
  const stored = f.sentences;
  const count = stored?.length ?? 1;
  if (!stored || isParagraphEdge(count, sentence, edge)) {
    const moved = moveBoundary(
      fragments.map((g) => ({ id: g.id, begin: g.begin ?? 0, end: g.end ?? 0 })),
      index,
      edge,
      time,
      opts,
    );
    const out = fragments.map((g, j) => {
      const r = moved[j]!;
      if (r.begin === (g.begin ?? 0) && r.end === (g.end ?? 0)) return g;
      return { ...g, begin: r.begin, end: r.end, sentences: g.sentences && fitSentences(g.sentences, r.begin, r.end) };
    });
    return { kind: 'paragraph', fragments: out };
  }
  const sentences = fitSentences(stored, f.begin, f.end);
  // the paragraph's sentences as regions: the edge moves inside the paragraph, linked to the touching sentence
  const moved = moveBoundary(
    sentences.map((s, k) => ({ id: String(k), begin: s.begin, end: s.end })),
    sentence,
    edge,
    time,
    { ...opts, duration: f.end },
  );
  const next = fitSentences(
    sentences.map((s, k) => (moved[k]!.begin === s.begin && moved[k]!.end === s.end ? s : { ...s, begin: moved[k]!.begin, end: moved[k]!.end })),
    f.begin,
    f.end,
  );
  if (next.every((s, k) => s === stored[k])) return { kind: 'sentence', fragments: [...fragments] };
  return { kind: 'sentence', fragments: fragments.map((g, j) => (j === index ? { ...g, sentences: next } : g)) };
}
