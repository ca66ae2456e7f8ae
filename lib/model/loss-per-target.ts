// The loss a run reports: CTC loss per target character. The CTC loss of an utterance is the negative
// log-likelihood of its whole transcript, so it grows with the transcript's length: a batch of long paragraphs
// scores 900 where one of short sentences scores 200 from the same model (the step-to-step zigzag of a run's
// curve). Divided by the batch's target characters it is nats per character, comparable across batches and runs.
// The optimiser still minimises the mean per utterance (train-loop.ts): only the reported number is normalised.

/** How a stored loss is measured: per target character (runs since the normalisation) or per utterance (before). */
export type LossUnit = 'char' | 'utterance';

export const LOSS_UNIT: LossUnit = 'char';

/**
 * Σ utterance losses / Σ target lengths of a batch, from the mean per utterance that the training step computes
 * (Σ = mean × batch). An utterance without targets counts no characters; a batch without any counts one.
 */
export function lossPerTarget(meanUtteranceLoss: number, targets: readonly (readonly number[])[]): number {
  const chars = targets.reduce((n, t) => n + t.length, 0);
  return (meanUtteranceLoss * targets.length) / Math.max(1, chars);
}
