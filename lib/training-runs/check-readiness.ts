// Whether a run's model may judge a chapter's alignments ("Check chapter with model"), decided from its dev CER.
//
// Why 50 %: the check flags a paragraph when CER(model transcript, the paragraph's normalised text) is above the
// flag threshold (model-mismatch-flag.ts; 0.5 by default). On a right alignment that CER is about the run's dev
// CER: dev utterances are right alignments, transcribed and scored the same way. On a wrong one the model hears
// other words, and other Spanish text scores 0.68–1.1 against a paragraph (median 0.78: every pair of the demo
// book's paragraphs; a paragraph heard half shifted into the next, 0.73–0.82; pinned in check-readiness.test.ts).
// So right alignments sit near the dev CER and wrong ones at ≥ ~0.7: a threshold between the two separates them
// only while the dev CER is well below 0.7. Above 0.5 the right paragraphs themselves land above the default
// threshold and inside the band of unrelated text, and the check flags right and wrong alike (a run at 79 %
// flagged 17 of 17 paragraphs, its transcripts "aaasa s sasas"). Hence: no dev CER, a dev CER above 50 %, or a
// flag threshold at or below the run's dev CER (most right paragraphs would be flagged) is refused.

/** Highest dev CER with which a run may check a chapter (see above). */
export const MAX_CHECK_DEV_CER = 0.5;

export type CheckReadiness =
  | { ok: true }
  | { ok: false; reason: 'no-dev-cer' | 'too-weak' | 'threshold-at-or-below-dev-cer'; message: string };

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function checkReadiness(run: { id: string; devCer: number | null }, threshold: number): CheckReadiness {
  if (run.devCer === null || !Number.isFinite(run.devCer)) {
    return {
      ok: false,
      reason: 'no-dev-cer',
      message: `Run ${run.id} has no dev CER (its export has no dev split, or it stopped before its first evaluation), so nothing says whether its transcripts can tell a right alignment from a wrong one. Check with a run that has a dev CER of at most ${pct(MAX_CHECK_DEV_CER)}.`,
    };
  }
  if (run.devCer > MAX_CHECK_DEV_CER) {
    return {
      ok: false,
      reason: 'too-weak',
      message: `Run ${run.id} has a dev CER of ${pct(run.devCer)}, above the ${pct(MAX_CHECK_DEV_CER)} a check needs: its transcripts miss right paragraphs about as much as wrong ones, so it would flag right and wrong alignments alike. Train longer or on more data, or pick a run with a dev CER of at most ${pct(MAX_CHECK_DEV_CER)}.`,
    };
  }
  if (threshold <= run.devCer) {
    return {
      ok: false,
      reason: 'threshold-at-or-below-dev-cer',
      message: `A flag threshold of ${pct(threshold)} is not above run ${run.id}'s dev CER of ${pct(run.devCer)}: most right paragraphs would be flagged. Raise the threshold above ${pct(run.devCer)} (0.5–0.65 separates right from wrong alignments).`,
    };
  }
  return { ok: true };
}
