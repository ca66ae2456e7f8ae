// Small pure helpers the editor uses between its state and lib/review: fragments ↔ regions, what changed,
// and merging a save's response into state that may have moved on meanwhile.
import type { FragmentView, FragmentStatus } from './fragment-view.ts';
import type { Region } from './move-boundary.ts';
import type { FragmentPatch, FragmentState } from './undo-stack.ts';

export const EDITABLE = ['begin', 'end', 'text', 'status', 'sentences'] as const;
export type EditableField = (typeof EDITABLE)[number];

/** Whether a field differs between two states (sentences compared by value). */
function differs(a: FragmentView, b: FragmentView, k: EditableField): boolean {
  return k === 'sentences' ? !sameSentences(a.sentences, b.sentences) : a[k] !== b[k];
}

export function sameSentences(a: FragmentView['sentences'], b: FragmentView['sentences']): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((s, i) => s.begin === b[i]!.begin && s.end === b[i]!.end && s.text === b[i]!.text);
}

export function toRegions(frags: readonly FragmentView[]): Region[] {
  return frags.map((f) => ({ id: f.id, begin: f.begin ?? 0, end: f.end ?? 0 }));
}

function stateOf(f: FragmentView, fields: readonly EditableField[]): Partial<FragmentState> {
  const out: Partial<FragmentState> = {};
  for (const k of fields) {
    if (k === 'status') out.status = f.status as FragmentStatus;
    else if (k === 'text') out.text = f.text;
    else if (k === 'sentences') out.sentences = f.sentences;
    else out[k] = f[k];
  }
  return out;
}

/** The undo patches from `before` to `after` over `fields` (fragments that did not change give none). */
export function patchesBetween(before: readonly FragmentView[], after: readonly FragmentView[], fields: readonly EditableField[]): FragmentPatch[] {
  const old = new Map(before.map((f) => [f.id, f]));
  const out: FragmentPatch[] = [];
  for (const f of after) {
    const b = old.get(f.id);
    if (!b || b === f) continue;
    const changed = fields.filter((k) => differs(b, f, k));
    if (changed.length) out.push({ fragmentId: f.id, before: stateOf(b, changed), after: stateOf(f, changed) });
  }
  return out;
}

/** `fields` of `local` that differ from the server's copy, as updateFragment changes. */
export function diffFields(local: FragmentView, server: FragmentView, fields: readonly EditableField[]): Partial<FragmentState> {
  return stateOf(local, fields.filter((k) => differs(local, server, k)));
}

/**
 * The server's answer merged into local state: server values, except editable fields (and the flag) the reviewer
 * changed again after the request left (those still differ from what was sent, and their own save is queued).
 */
export function mergeSaved(local: FragmentView, saved: FragmentView, sent: FragmentView | undefined): FragmentView {
  const out: FragmentView = { ...saved };
  if (!sent) return out;
  if (local.begin !== sent.begin) out.begin = local.begin;
  if (local.end !== sent.end) out.end = local.end;
  if (local.text !== sent.text) out.text = local.text;
  if (local.status !== sent.status) out.status = local.status;
  if (local.sentences !== sent.sentences) out.sentences = local.sentences; // a sentence boundary moved again
  if (local.flag !== sent.flag) out.flag = local.flag; // marked for attention meanwhile: its own save is queued
  return out;
}

/** Applies a patch side (undo/redo) to a fragment. */
export function applyState(f: FragmentView, s: Partial<FragmentState>): FragmentView {
  return { ...f, ...s };
}

/** Index of the fragment playing at `t` (binary search on begin), or -1 in a gap. */
export function fragmentAt(frags: readonly FragmentView[], t: number): number {
  let lo = 0;
  let hi = frags.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = frags[mid]?.begin ?? 0;
    if (b <= t) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const f = frags[best];
  return f && f.end !== null && t < f.end ? best : -1;
}

/** Unreviewed fragments (auto, edited) in review-queue order: flagged first, then lowest confidence, none last,
 * then reading order. */
export function unreviewedOrder(frags: readonly FragmentView[]): FragmentView[] {
  return frags
    .filter((f) => f.status === 'auto' || f.status === 'edited')
    .sort(
      (a, b) =>
        Number(b.flag !== null) - Number(a.flag !== null) ||
        (a.confidence ?? Infinity) - (b.confidence ?? Infinity) ||
        a.position - b.position,
    );
}
