// What a training run is asked to do: validated once at the edge (API, CLI), stored as JSON on the run row.
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { formatZodError } from '../errors/format-zod-error.ts';
import type { EncoderConfig } from '../model/model.ts';
import type { BackendChoice } from '../model/select-backend.ts';

// Listed here rather than imported: lib/model/select-backend.ts loads tfjs, which the app's routes need not bundle.
export const TRAINING_BACKENDS = ['auto', 'webgpu', 'tensorflow', 'wasm', 'cpu'] as const satisfies readonly BackendChoice[];

/** Model sizes offered in the UI and CLI. `tiny` is for smoke tests (it learns little); `base` is the default (DEFAULT_ENCODER_CONFIG). */
export const MODEL_SIZES = {
  tiny: { dModel: 16, heads: 2, layers: 1, ffDim: 32, dropout: 0 },
  small: { dModel: 64, heads: 4, layers: 2, ffDim: 128, dropout: 0.05 },
  base: {},
} satisfies Record<string, Partial<Omit<EncoderConfig, 'vocabSize'>>>;

export type ModelSize = keyof typeof MODEL_SIZES;

export const trainingSettingsSchema = z.object({
  steps: z.coerce.number().int().min(1).max(1_000_000).default(2000),
  backend: z.enum(TRAINING_BACKENDS).default('auto'),
  batchSize: z.coerce.number().int().min(1).max(512).default(16),
  lr: z.coerce.number().positive().max(1).default(1e-3),
  model: z.enum(['tiny', 'small', 'base']).default('base'),
  /** Default: about 20 checkpoints over the run, at least every 500 steps. */
  checkpointEvery: z.coerce.number().int().min(1).optional(),
  /** Dev evaluation; default: with each checkpoint. */
  evalEvery: z.coerce.number().int().min(1).optional(),
  seed: z.coerce.number().int().min(0).default(1),
  augment: z.boolean().default(true),
});

export type TrainingSettings = z.infer<typeof trainingSettingsSchema>;

export function parseTrainingSettings(input: unknown): TrainingSettings {
  const r = trainingSettingsSchema.safeParse(input ?? {});
  if (!r.success) {
    throw new AppError('INVALID_INPUT', `Invalid training settings:\n${formatZodError(r.error)}`);
  }
  return r.data;
}

export function checkpointEvery(s: TrainingSettings): number {
  return s.checkpointEvery ?? Math.max(1, Math.min(500, Math.ceil(s.steps / 20)));
}
