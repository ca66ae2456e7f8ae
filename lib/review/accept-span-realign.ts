// Applies a span re-alignment proposal: refused (CONFLICT) when any of its fragments changed since the
// proposal was made; reviewed fragments keep their times unless `includeReviewed`. Each written fragment gets
// a revision with reason 'realign' and a new version.
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { fragmentView, type FragmentView } from './fragment-view.ts';
import { getSpanRealign } from './get-span-realign.ts';
import { planRealignApply } from './plan-realign-apply.ts';
import { saveFragmentChange } from './save-fragment-change.ts';

export const acceptSpanRealignInput = z.object({
  chapterId: z.string().min(1),
  jobId: z.string().min(1),
  includeReviewed: z.boolean().default(false),
  userId: z.string().min(1).nullish(),
});

export async function acceptSpanRealign(
  input: z.input<typeof acceptSpanRealignInput>,
): Promise<{ fragments: FragmentView[]; kept: string[] }> {
  const { chapterId, jobId, includeReviewed, userId } = acceptSpanRealignInput.parse(input);
  const state = await getSpanRealign({ chapterId, jobId });
  const proposal = state.proposal;
  if (!proposal) throw new AppError('INVALID_INPUT', `This re-alignment is ${state.status}, there is no proposal to accept yet.`, { jobId });
  return getDb().$transaction(async (tx) => {
    const rows = await tx.fragment.findMany({ where: { id: { in: proposal.fragments.map((f) => f.id) } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = proposal.fragments.find((p) => !byId.has(p.id));
    if (missing) {
      throw new AppError('CONFLICT', `Paragraph ${missing.position + 1} was merged or removed since this proposal was made; re-align again.`, {
        fragmentId: missing.id,
        fragments: rows.map(fragmentView),
      });
    }
    const stale = proposal.fragments.filter((p) => byId.get(p.id)!.version !== p.version);
    if (stale.length > 0) {
      throw new AppError(
        'CONFLICT',
        `Paragraph ${stale.map((p) => p.position + 1).join(', ')} changed since this proposal was made; discard it and re-align again.`,
        { fragmentId: stale[0]!.id, fragments: stale.map((p) => fragmentView(byId.get(p.id)!)) },
      );
    }
    const plan = planRealignApply(proposal.fragments, { includeReviewed });
    if (!plan.ok) throw new AppError('INVALID_INPUT', plan.message, { fragmentId: plan.fragmentId });
    const out: FragmentView[] = [];
    for (const w of plan.writes) {
      out.push(
        await saveFragmentChange(
          tx,
          byId.get(w.id)!,
          { begin: w.begin, end: w.end, confidence: w.confidence, flag: w.flag, ...(w.sentences ? { sentenceTimes: w.sentences } : {}) },
          { reason: 'realign', userId },
        ),
      );
    }
    return { fragments: out, kept: plan.kept };
  });
}
