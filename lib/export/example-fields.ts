// The fields of one example as the TFRecord encoders take them, written once for the shard plan (record sizes,
// before any audio is read) and for the writer (with the samples), so both always describe the same record.
import type { SpeechExample, T2TExample } from '../corpus/speech-example.ts';
import { EXPORT_SAMPLE_RATE, type ExampleMeta } from './select-examples.ts';

export const T2T_PROBLEM = 'alinea_speech';
/** tensor2tensor's reserved ids: targets are vocab ids + T2T_ID_OFFSET, followed by EOS. */
export const T2T_PAD = 0;
export const T2T_EOS = 1;
export const T2T_ID_OFFSET = 2;

/** tf.train.Example fields of the example, all but its samples. */
export function speechExampleFields(e: ExampleMeta): Omit<SpeechExample, 'samples'> {
  return {
    id: e.id,
    sampleRate: EXPORT_SAMPLE_RATE,
    text: e.text,
    textOriginal: e.textOriginal,
    targets: e.targets,
    speakerId: e.speakerId,
    bookId: e.bookId,
    chapterId: e.chapterId,
    confidence: e.confidence,
    reviewStatus: e.status,
  };
}

/** tensor2tensor fields of the example, all but its samples (targets shifted, EOS appended). */
export function t2tExampleFields(e: ExampleMeta): Omit<T2TExample, 'samples'> {
  return { id: e.id, text: e.text, targets: t2tTargets(e.targets), speakerId: e.speakerId };
}

/** tensor2tensor targets: ids shifted past PAD/EOS, EOS appended. */
export function t2tTargets(targets: readonly number[]): number[] {
  const out = targets.map((t) => t + T2T_ID_OFFSET);
  out.push(T2T_EOS);
  return out;
}
