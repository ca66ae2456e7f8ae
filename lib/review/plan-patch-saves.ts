// Turns the patches of an undo/redo step into the save requests the server accepts. A linked boundary moved back
// must be saved with updateBoundary: saved one fragment at a time, the first request would overlap the other
// fragment's old edge and be refused.
import type { FragmentPatch, FragmentState } from './undo-stack.ts';

export type PatchSave =
  | { kind: 'boundary'; leftId: string; rightId: string; time: number }
  | { kind: 'fragment'; fragmentId: string; changes: Partial<FragmentState> };

/** Whether the patch moves `key` and no other time (its sentences and status may come along). */
function only(p: FragmentPatch, key: 'begin' | 'end'): boolean {
  const times = (side: Partial<FragmentState>) => Object.keys(side).filter((k) => k !== 'sentences' && k !== 'status');
  const after = times(p.after);
  return after.length === 1 && after[0] === key && times(p.before).length <= 1;
}

/**
 * Pairs a patch that moves only an `end` with one that moves only a `begin` from and to the same times (a shared
 * boundary, before and after) into one boundary save; every other patch is a fragment save (its `after`), in
 * order. Sentences that came with a paired edge are saved after the boundary (which fits them to the new span
 * on the server), as they were recorded. A status that came with it (an 'auto' paragraph the move made 'edited')
 * is already in the editor's state: the boundary save sends each side's status where it differs from the
 * server's. The caller adds the expected versions it holds for each fragment.
 */
export function planPatchSaves(patches: readonly FragmentPatch[]): PatchSave[] {
  const used = new Set<number>();
  const out: PatchSave[] = [];
  patches.forEach((p, i) => {
    if (used.has(i)) return;
    if (only(p, 'end') || only(p, 'begin')) {
      const edge = only(p, 'end') ? 'end' : 'begin';
      const other = edge === 'end' ? 'begin' : 'end';
      const j = patches.findIndex(
        (q, k) =>
          k !== i &&
          !used.has(k) &&
          q.fragmentId !== p.fragmentId &&
          only(q, other) &&
          q.after[other] === p.after[edge] &&
          q.before[other] === p.before[edge],
      );
      const q = patches[j];
      const time = p.after[edge];
      if (q && typeof time === 'number') {
        used.add(i).add(j);
        const [left, right] = edge === 'end' ? [p, q] : [q, p];
        out.push({ kind: 'boundary', leftId: left.fragmentId, rightId: right.fragmentId, time });
        for (const side of [p, q]) {
          if (side.after.sentences !== undefined) out.push({ kind: 'fragment', fragmentId: side.fragmentId, changes: { sentences: side.after.sentences } });
        }
        return;
      }
    }
    used.add(i);
    out.push({ kind: 'fragment', fragmentId: p.fragmentId, changes: { ...p.after } });
  });
  return out;
}
