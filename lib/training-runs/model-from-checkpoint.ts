// Builds the inference model of a checkpoint (manifest.json + weights.bin, see lib/model/checkpoint.ts) from
// bytes already in memory: no Node imports, so the browser ("Try it") and the server share it. Only the model's
// weights are read; the optimizer state in the same file is skipped.
import * as tf from '@tensorflow/tfjs';
import { CtcEncoder, type EncoderConfig } from '../model/model.ts';

export type CheckpointManifestJson = {
  format: string;
  step: number;
  config: Record<string, unknown>;
  meta?: Record<string, unknown>;
  tensors: { name: string; shape: number[]; offset: number }[];
};

export type LoadedModel = { model: CtcEncoder; vocab: string[]; step: number };

export function modelFromCheckpoint(manifest: CheckpointManifestJson, weights: ArrayBuffer | Uint8Array): LoadedModel {
  if (manifest.format !== 'alinea-ctc-checkpoint') throw new Error(`Not an Alinea checkpoint (format "${manifest.format}").`);
  const vocab = manifest.meta?.vocab;
  if (!Array.isArray(vocab) || !vocab.every((v) => typeof v === 'string')) throw new Error('The checkpoint has no vocabulary (meta.vocab).');
  const bytes = weights instanceof Uint8Array ? weights : new Uint8Array(weights);
  const model = new CtcEncoder(manifest.config as EncoderConfig);
  const table = new Map(manifest.tensors.map((t) => [t.name, t]));
  const tensors = new Map<string, tf.Tensor>();
  try {
    for (const { name } of model.variables) {
      const t = table.get(name);
      if (!t) throw new Error(`The checkpoint lacks weight ${name}.`);
      const n = t.shape.reduce((a, b) => a * b, 1);
      if (t.offset + 4 * n > bytes.byteLength) throw new Error(`The checkpoint's weights.bin is truncated at ${name}.`);
      // copy: the offset may not be 4-byte aligned within a view
      const values = new Float32Array(n);
      new Uint8Array(values.buffer).set(bytes.subarray(t.offset, t.offset + 4 * n));
      tensors.set(name, tf.tensor(values, t.shape));
    }
    model.assignWeights(tensors);
  } catch (err) {
    model.dispose();
    throw err;
  } finally {
    for (const t of tensors.values()) t.dispose();
  }
  return { model, vocab: vocab as string[], step: manifest.step };
}
