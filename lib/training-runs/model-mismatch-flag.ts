// The review flag a model check sets: a fragment still awaiting or under review ('auto', 'edited') whose
// transcript the model hears too differently (CER above the threshold) is flagged 'model-mismatch'. Another flag
// (e.g. the aligner's 'not-in-audio') is never overwritten; 'model-mismatch' is cleared when it no longer applies.
import { errorRates } from '../model/error-rates.ts';

export const MODEL_MISMATCH_FLAG = 'model-mismatch';

export function nextModelFlag(p: { flag: string | null; status: string; cer: number; threshold: number }): string | null {
  if (p.flag !== null && p.flag !== MODEL_MISMATCH_FLAG) return p.flag;
  return (p.status === 'auto' || p.status === 'edited') && p.cer > p.threshold ? MODEL_MISMATCH_FLAG : null;
}

/** CER of the model's transcript against the fragment's normalised text; 1 for any output against an empty reference. */
export function fragmentCer(reference: string, hypothesis: string): number {
  const ref = reference.trim().replace(/\s+/gu, ' ');
  const hyp = hypothesis.trim().replace(/\s+/gu, ' ');
  if (ref === '') return hyp === '' ? 0 : 1;
  return errorRates([ref], [hyp]).cer;
}
