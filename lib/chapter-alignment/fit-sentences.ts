// The consistency rule between a paragraph and its sentences, applied whenever the paragraph's times change (a
// drag, a nudge, a sync map import, an accepted re-alignment, a split or a merge): the first sentence begins
// where the paragraph begins, the last ends where it ends, and every inner edge is clamped inside, in order and
// never overlapping. Clamping, not rescaling: a sentence boundary a reviewer placed stays where it is as long as
// the paragraph still holds it; sentences pushed out collapse at the paragraph's edge.

type Timed = { begin: number; end: number };

/** New list (unchanged sentences keep their identity); `begin <= end` is assumed. */
export function fitSentences<S extends Timed>(sentences: readonly S[], begin: number, end: number): S[] {
  const n = sentences.length;
  const clamp = (t: number) => Math.min(end, Math.max(begin, t));
  const out: S[] = [];
  let floor = begin;
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!;
    const b = i === 0 ? begin : Math.max(floor, clamp(s.begin));
    const e = i === n - 1 ? end : Math.max(b, clamp(s.end));
    out.push(b === s.begin && e === s.end ? s : { ...s, begin: b, end: e });
    floor = e;
  }
  return out;
}
