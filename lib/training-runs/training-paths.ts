import path from 'node:path';
import { getConfig } from '../config/env.ts';

/** Where the app's training runs keep their files: <dataDir>/runs/<id>. */
export function runDir(runId: string): string {
  return path.join(getConfig().dataDir, 'runs', runId);
}

export function runCheckpointDir(runId: string): string {
  return path.join(runDir(runId), 'checkpoints');
}
