// Writes new times (and confidences) into a chapter's fragments in one transaction, each change recorded as a
// revision with its reason, and the fragment's version bumped (optimistic concurrency for the editor). The
// sentences follow (nextSentences): the given sentence times when there is one per sentence, else the stored
// sentences fitted to the new paragraph times.
import type { Db } from '../db/client.ts';
import { fragmentSnapshot } from './fragment-snapshot.ts';
import { stringifyFragmentSentences } from './fragment-sentences.ts';
import { nextSentences } from './next-sentences.ts';

export type FragmentTimes = {
  id: string;
  begin: number;
  end: number;
  confidence?: number | null;
  /** One span per sentence of the paragraph (aligner children with their confidence, a sync map's children). */
  sentences?: readonly { begin: number; end: number; confidence?: number | null }[] | null;
};

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export async function applyFragmentTimes(
  tx: Tx,
  times: FragmentTimes[],
  reason: string,
  opts: { language: string; userId?: string | null; onlyStatus?: string[] },
): Promise<number> {
  let changed = 0;
  for (const t of times) {
    const before = await tx.fragment.findUniqueOrThrow({ where: { id: t.id } });
    if (opts.onlyStatus && !opts.onlyStatus.includes(before.status)) continue;
    const confidence = t.confidence === undefined ? before.confidence : t.confidence;
    const next = await nextSentences({ current: before, begin: t.begin, end: t.end, text: before.text, language: opts.language, times: t.sentences });
    const sentences = next === undefined ? before.sentences : stringifyFragmentSentences(next);
    const updated = await tx.fragment.update({
      where: { id: t.id },
      data: { begin: t.begin, end: t.end, confidence, sentences, version: { increment: 1 } },
    });
    await tx.fragmentRevision.create({
      data: {
        fragmentId: t.id,
        version: updated.version,
        userId: opts.userId ?? null,
        reason,
        before: JSON.stringify(fragmentSnapshot(before)),
        after: JSON.stringify(fragmentSnapshot(updated)),
      },
    });
    changed++;
  }
  return changed;
}
