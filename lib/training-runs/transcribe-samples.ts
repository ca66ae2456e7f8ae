// One utterance through a CTC model: log-mel (per-utterance normalised, as SpeechDataset feeds training), the
// encoder, greedy decoding with the checkpoint's vocabulary. Browser-safe (no Node imports).
import * as tf from '@tensorflow/tfjs';
import { targetsToText } from '../corpus/vocab.ts';
import { greedyDecode } from '../model/greedy-decode.ts';
import { logMel } from '../model/log-mel.ts';
import type { CtcEncoder } from '../model/model.ts';

/** 16 kHz mono samples (Int16 or floats in [−1, 1]) → the model's transcript ('' for a clip shorter than a frame). */
export async function transcribeSamples(model: CtcEncoder, vocab: readonly string[], samples: Int16Array | Float32Array): Promise<string> {
  const f = logMel(samples, { normalize: true, bins: model.config.inputDim });
  if (f.frames === 0) return '';
  const x = tf.tensor3d(f.data, [1, f.frames, f.bins]);
  const { logits, lengths } = model.apply(x, [f.frames]);
  try {
    const scores = await logits.data();
    return targetsToText(greedyDecode(scores, lengths[0]!, model.config.vocabSize), vocab);
  } finally {
    x.dispose();
    logits.dispose();
  }
}
