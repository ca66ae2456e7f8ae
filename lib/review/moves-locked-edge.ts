// Whether an edit (before → after, same order) moves a locked anchor: the editor refuses such a drag or nudge.
type Timed = { id: string; begin: number | null; end: number | null; lockedBegin: boolean; lockedEnd: boolean };

/** The first fragment whose locked begin or end changed, or null. */
export function movesLockedEdge<T extends Timed>(before: readonly T[], after: readonly T[]): T | null {
  for (let i = 0; i < before.length; i++) {
    const b = before[i]!;
    const a = after[i];
    if (!a || a === b) continue;
    if ((b.lockedBegin && a.begin !== b.begin) || (b.lockedEnd && a.end !== b.end)) return b;
  }
  return null;
}

/** Proposed boundaries to preview: every begin after the first and the last end, skipping unchanged ones. */
export function proposedBoundaries(
  proposed: ReadonlyArray<{ begin: number; end: number; old: { begin: number; end: number } }>,
): number[] {
  const out: number[] = [];
  proposed.forEach((p, i) => {
    if (i > 0 && p.begin !== p.old.begin) out.push(p.begin);
    if (i > 0 && p.begin !== proposed[i - 1]!.end && proposed[i - 1]!.end !== proposed[i - 1]!.old.end) out.push(proposed[i - 1]!.end);
  });
  return out;
}
