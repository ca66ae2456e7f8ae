// Writes new times (and confidences) into a chapter's fragments in one transaction, each change recorded as a
// revision with its reason, and the fragment's version bumped (optimistic concurrency for the editor).
import type { Db } from '../db/client.ts';
import { fragmentSnapshot } from './fragment-snapshot.ts';

export type FragmentTimes = { id: string; begin: number; end: number; confidence?: number | null };

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export async function applyFragmentTimes(
  tx: Tx,
  times: FragmentTimes[],
  reason: string,
  opts: { userId?: string | null; onlyStatus?: string[] } = {},
): Promise<number> {
  let changed = 0;
  for (const t of times) {
    const before = await tx.fragment.findUniqueOrThrow({ where: { id: t.id } });
    if (opts.onlyStatus && !opts.onlyStatus.includes(before.status)) continue;
    const confidence = t.confidence === undefined ? before.confidence : t.confidence;
    const after = { ...fragmentSnapshot(before), begin: t.begin, end: t.end, confidence };
    await tx.fragment.update({
      where: { id: t.id },
      data: { begin: t.begin, end: t.end, confidence, version: { increment: 1 } },
    });
    await tx.fragmentRevision.create({
      data: {
        fragmentId: t.id,
        version: before.version + 1,
        userId: opts.userId ?? null,
        reason,
        before: JSON.stringify(fragmentSnapshot(before)),
        after: JSON.stringify(after),
      },
    });
    changed++;
  }
  return changed;
}
