// Which times accepting a span re-alignment writes. Reviewed fragments (approved/rejected) keep their times
// unless the reviewer includes them; a proposed boundary next to a kept fragment is clamped so it never
// overlaps it. Pure: the use case checks versions and writes.
import { isReviewed } from '../chapter-alignment/fragment-status.ts';
import type { ProposedFragment } from './realign-proposal.ts';

export type RealignWrite = {
  id: string;
  begin: number;
  end: number;
  confidence: number;
  flag: string | null;
  /** The proposed sentence spans (fitted to begin/end when they are saved). */
  sentences?: { begin: number; end: number; confidence?: number }[];
};
export type RealignPlan =
  | { ok: true; writes: RealignWrite[]; kept: string[] }
  | { ok: false; message: string; fragmentId: string };

/**
 * `proposed` in reading order; `status` is each fragment's status now (the versions already match, so it is
 * the proposal's). Writes only fragments whose times or confidence change.
 */
export function planRealignApply(proposed: readonly ProposedFragment[], opts: { includeReviewed: boolean }): RealignPlan {
  const apply = proposed.map((p) => opts.includeReviewed || !isReviewed(p));
  const times = proposed.map((p, i) => (apply[i] ? { begin: p.begin, end: p.end } : { begin: p.old.begin, end: p.old.end }));
  for (let i = 0; i + 1 < proposed.length; i++) {
    if (apply[i] && !apply[i + 1]) times[i]!.end = Math.min(times[i]!.end, times[i + 1]!.begin);
    if (!apply[i] && apply[i + 1]) times[i + 1]!.begin = Math.max(times[i + 1]!.begin, times[i]!.end);
  }
  const writes: RealignWrite[] = [];
  for (let i = 0; i < proposed.length; i++) {
    if (!apply[i]) continue;
    const p = proposed[i]!;
    const t = times[i]!;
    if (!(t.end > t.begin)) {
      return {
        ok: false,
        fragmentId: p.id,
        message: `Paragraph ${p.position + 1} would have no audio left beside a reviewed paragraph; accept including reviewed paragraphs, or discard.`,
      };
    }
    if (t.begin !== p.old.begin || t.end !== p.old.end || p.confidence !== p.old.confidence) {
      writes.push({ id: p.id, begin: t.begin, end: t.end, confidence: p.confidence, flag: p.flag, ...(p.sentences ? { sentences: p.sentences } : {}) });
    }
  }
  return { ok: true, writes, kept: proposed.filter((_, i) => !apply[i]).map((p) => p.id) };
}
