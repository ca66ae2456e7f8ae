import path from 'node:path';
import { getConfig } from '../config/env.ts';

/** Where a run keeps its checkpoints in storage (TrainingRun.checkpointKey; lib/training-runs/run-checkpoint.ts). */
export function runCheckpointKey(runId: string): string {
  return `runs/${runId}/checkpoints`;
}

/**
 * The train-model job's own work folder on the machine that runs it: <dataDir>/train-scratch/<id> (the export's
 * shards copied from S3, each checkpoint until it is in storage, the checkpoint a retry resumes from). Emptied
 * when an attempt starts (what a crashed one left) and removed when it ends. Not under a `.tmp` folder, whose
 * stale files a worker's start sweeps: the shards are read for as long as the run lasts, days perhaps.
 */
export function runScratchDir(runId: string): string {
  return path.join(runScratchRoot(), runId);
}

export function runScratchRoot(): string {
  return path.join(getConfig().dataDir, 'train-scratch');
}
