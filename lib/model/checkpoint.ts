// Checkpoints: a directory with manifest.json (format, config, step, tensor table, and the same table as a
// TensorFlow.js `weightsManifest`, so `tf.io.decodeWeights` / `tf.io.loadWeights` read weights.bin as it is) and
// weights.bin (the tensors' float32 little-endian values back to back, in table order). Written into a temp directory beside the target and
// renamed into place, so a checkpoint directory is either complete or absent. A training run then moves each one
// into storage (lib/training-runs/run-checkpoint.ts: weights.bin first, manifest.json last).
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { publishAtomic } from '../storage/write-file-atomic.ts';
import { checkpointName, checkpointStep } from './checkpoint-name.ts';

export const CHECKPOINT_FORMAT = 'alinea-ctc-checkpoint';
export const CHECKPOINT_VERSION = 1;

const manifestSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  version: z.literal(CHECKPOINT_VERSION),
  step: z.number().int().min(0),
  config: z.record(z.string(), z.unknown()),
  meta: z.record(z.string(), z.unknown()).default({}),
  tensors: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().min(0)), offset: z.number().int().min(0) })),
  /** tfjs weights manifest (tf.io.WeightsManifestConfig) describing weights.bin. */
  weightsManifest: z
    .array(z.object({ paths: z.array(z.string()), weights: z.array(z.object({ name: z.string(), shape: z.array(z.number()), dtype: z.literal('float32') })) }))
    .optional(),
});

export type CheckpointManifest = z.infer<typeof manifestSchema>;

export type CheckpointContents = {
  step: number;
  config: Record<string, unknown>;
  meta?: Record<string, unknown>;
  tensors: readonly { name: string; tensor: tf.Tensor }[];
};

/** Writes `dir` (replacing an existing checkpoint of that name). */
export async function saveCheckpoint(dir: string, c: CheckpointContents): Promise<void> {
  const table: CheckpointManifest['tensors'] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const { name, tensor } of c.tensors) {
    const values = Float32Array.from(await tensor.data());
    table.push({ name, shape: tensor.shape, offset });
    parts.push(new Uint8Array(values.buffer));
    offset += values.byteLength;
  }
  const manifest: CheckpointManifest = {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    step: c.step,
    config: c.config,
    meta: c.meta ?? {},
    tensors: table,
    weightsManifest: [{ paths: ['weights.bin'], weights: table.map(({ name, shape }) => ({ name, shape, dtype: 'float32' as const })) }],
  };
  await publishAtomic(
    dir,
    async (part) => {
      await mkdir(part, { recursive: true });
      await writeFile(path.join(part, 'weights.bin'), Buffer.concat(parts));
      await writeFile(path.join(part, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    },
    { directory: true },
  );
}

/** Reads a checkpoint; tensors are created on the active backend (the caller disposes them). */
export async function loadCheckpoint(dir: string): Promise<{ manifest: CheckpointManifest; tensors: Map<string, tf.Tensor> }> {
  let manifest: CheckpointManifest;
  let bin: Buffer;
  try {
    manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')));
    bin = await readFile(path.join(dir, 'weights.bin'));
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') throw new AppError('NOT_FOUND', `No checkpoint in "${dir}" (manifest.json and weights.bin).`);
    throw new AppError('INVALID_INPUT', `"${dir}" is not a valid checkpoint: ${(err as Error).message}`);
  }
  const tensors = new Map<string, tf.Tensor>();
  for (const t of manifest.tensors) {
    const n = t.shape.reduce((a, b) => a * b, 1);
    if (t.offset + 4 * n > bin.length) throw new AppError('INVALID_INPUT', `Checkpoint "${dir}" is truncated at tensor ${t.name}.`);
    const values = new Float32Array(n);
    new Uint8Array(values.buffer).set(bin.subarray(t.offset, t.offset + 4 * n));
    tensors.set(t.name, tf.tensor(values, t.shape));
  }
  return { manifest, tensors };
}

/** The checkpoint directory `step-NNNNNNNN` with the highest step under `root`, or null. */
export async function findLatestCheckpoint(root: string): Promise<string | null> {
  const names = await readdir(root).catch(() => [] as string[]);
  const steps = names.filter((n) => checkpointStep(n) !== null).sort();
  return steps.length ? path.join(root, steps[steps.length - 1]!) : null;
}

export { checkpointName };
