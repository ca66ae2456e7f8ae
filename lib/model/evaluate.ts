// Greedy-decoding evaluation of a CTC encoder on a dataset: corpus-level CER and WER.
import * as tf from '@tensorflow/tfjs';
import { targetsToText } from '../corpus/vocab.ts';
import type { SpeechDataset } from './dataset.ts';
import { errorRates, type ErrorRates } from './error-rates.ts';
import { greedyDecode } from './greedy-decode.ts';
import type { CtcEncoder } from './model.ts';

export type Evaluation = ErrorRates & { utterances: number; samples: { id: string; reference: string; hypothesis: string }[] };

/** Decodes every batch of `dataset` (one pass, epoch 0) with `model`; `maxSamples` hypotheses are kept for display. */
export async function evaluate(model: CtcEncoder, dataset: SpeechDataset, opts: { maxSamples?: number } = {}): Promise<Evaluation> {
  const refs: string[] = [];
  const hyps: string[] = [];
  const ids: string[] = [];
  const vocabSize = model.config.vocabSize;
  for await (const b of dataset.batches(0)) {
    const x = tf.tensor3d(b.features, [b.ids.length, b.frames, b.bins]);
    const { logits, lengths } = model.apply(x, b.featureLengths);
    const scores = await logits.data();
    x.dispose();
    logits.dispose();
    const frames = logits.shape[1];
    for (let i = 0; i < b.ids.length; i++) {
      const row = scores.subarray(i * frames * vocabSize, (i + 1) * frames * vocabSize);
      hyps.push(targetsToText(greedyDecode(row, lengths[i]!, vocabSize), dataset.vocab));
      refs.push(targetsToText(b.targets[i]!, dataset.vocab));
      ids.push(b.ids[i]!);
    }
  }
  const n = Math.min(opts.maxSamples ?? 5, ids.length);
  return {
    ...errorRates(refs, hyps),
    utterances: ids.length,
    samples: ids.slice(0, n).map((id, i) => ({ id, reference: refs[i]!, hypothesis: hyps[i]! })),
  };
}
