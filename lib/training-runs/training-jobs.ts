// Jobs of the training glue. Payloads are ids; the rows hold the settings. Both are idempotent: a retried
// train-model resumes from its newest checkpoint, a retried check-chapter transcribes the chapter again.
import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.ts';
import { withTfjsLock } from './tfjs-lock.ts';
import { TRAINING_BACKENDS } from './training-settings.ts';

// The handlers' modules load tfjs and its wasm/WebGPU backends, which only the worker and the CLI run: the app's
// routes enqueue these jobs but must not bundle them (Next cannot bundle the wasm loader nor dawn.node).

export const trainModelJob = defineJob({
  name: 'train-model',
  schema: z.object({ runId: z.string().min(1) }),
  maxAttempts: 3,
  timeLimitSec: 3 * 24 * 60 * 60, // a training run of many epochs on CPU
  async handler(payload, ctx) {
    const { runTrainingRun } = await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ './run-training-run.ts');
    return withTfjsLock(() => runTrainingRun(payload.runId, ctx));
  },
});

export const checkChapterJob = defineJob({
  name: 'check-chapter',
  schema: z.object({
    chapterId: z.string().min(1),
    runId: z.string().min(1),
    threshold: z.number().min(0).max(10).default(0.5),
    backend: z.enum(TRAINING_BACKENDS).optional(),
    /** Set when an admin checked anyway with a run check-readiness.ts refuses: the refusal's message. */
    overridden: z.string().optional(),
  }),
  maxAttempts: 2,
  timeLimitSec: 60 * 60, // one chapter transcribed by the model
  async handler(payload, ctx) {
    const { checkChapterWithModel } = await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ './check-chapter-with-model.ts');
    return withTfjsLock(() => checkChapterWithModel(payload, ctx));
  },
});
