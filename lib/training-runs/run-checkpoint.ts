// A training run's checkpoints, wherever they lie. A run keeps them in storage (TrainingRun.checkpointKey,
// `runs/<id>/checkpoints`), one folder per checkpoint: `runs/<id>/checkpoints/step-NNNNNNNN/weights.bin`, then
// `…/manifest.json`, published last — a checkpoint exists once its manifest does, so a reader (the web server, a
// check, a resumed run on another machine) never sees a half-written one. Runs from before keep theirs in the local
// directory TrainingRun.checkpointDir (<dataDir>/runs/<id>/checkpoints). No tfjs import: the app's routes use it.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { TrainingRun } from '../db/generated/client.ts';
import { AppError } from '../errors/app-error.ts';
import { checkpointName, checkpointStep } from '../model/checkpoint-name.ts';
import { downloadPrefix } from '../storage/download-prefix.ts';
import { getStorage } from '../storage/storage.ts';

export const CHECKPOINT_FILES = ['manifest.json', 'weights.bin'] as const;
export type CheckpointFile = (typeof CHECKPOINT_FILES)[number];
/** Published after the other files of a checkpoint. */
const LAST_FILE: CheckpointFile = 'manifest.json';

export type RunCheckpointRow = Pick<TrainingRun, 'id' | 'checkpointKey' | 'checkpointDir'>;

export type RunCheckpoint = {
  step: number;
  /** Where it is, for messages and job results: its storage key prefix, or its local directory for an older run. */
  location: string;
  /** One file's bytes; NOT_FOUND when it is gone. */
  read(file: CheckpointFile): Promise<Buffer>;
  /**
   * A local directory holding it, for code that reads files (the training loop resuming): the stored folder itself
   * on local storage or for an older run, else a copy made under `scratchDir` (the caller removes it).
   */
  toLocalDir(scratchDir: string): Promise<string>;
};

/** The run's checkpoint steps, oldest first. */
export async function runCheckpointSteps(row: RunCheckpointRow): Promise<number[]> {
  let names: string[];
  if (row.checkpointKey !== null) {
    const prefix = `${row.checkpointKey}/`;
    names = (await getStorage().list(row.checkpointKey))
      .map((e) => e.key.slice(prefix.length).split('/'))
      .filter((parts) => parts.length === 2 && parts[1] === LAST_FILE)
      .map((parts) => parts[0]!);
  } else if (row.checkpointDir !== null) {
    names = await readdir(row.checkpointDir).catch(() => [] as string[]);
  } else {
    names = [];
  }
  return names
    .map(checkpointStep)
    .filter((s): s is number => s !== null)
    .sort((a, b) => a - b);
}

/** The run's checkpoint at `step`, or its newest (the final one of a finished run); NOT_FOUND when there is none. */
export async function runCheckpoint(row: RunCheckpointRow, step?: number): Promise<RunCheckpoint> {
  if (step === undefined) {
    const latest = (await runCheckpointSteps(row)).at(-1);
    if (latest === undefined) throw new AppError('NOT_FOUND', `Run ${row.id} has no checkpoint yet: wait for its first checkpoint or for the run to finish.`);
    return checkpointAt(row, latest);
  }
  const c = checkpointAt(row, step);
  const there =
    row.checkpointKey !== null
      ? await getStorage().exists(`${c.location}/${LAST_FILE}`)
      : row.checkpointDir !== null && (await stat(c.location).then((s) => s.isDirectory(), () => false));
  if (!there) throw new AppError('NOT_FOUND', `Run ${row.id} has no checkpoint at step ${step}.`);
  return c;
}

function checkpointAt(row: RunCheckpointRow, step: number): RunCheckpoint {
  const notFound = (file: string) => new AppError('NOT_FOUND', `Run ${row.id} has no ${file} at step ${step} (the checkpoint was removed).`);
  const isMissing = (err: unknown) => (err as { code?: string }).code === 'ENOENT';
  if (row.checkpointKey !== null) {
    const prefix = `${row.checkpointKey}/${checkpointName(step)}`;
    return {
      step,
      location: prefix,
      read: (file) =>
        getStorage()
          .readAll(`${prefix}/${file}`)
          .catch((err: unknown) => {
            throw isMissing(err) ? notFound(file) : err;
          }),
      async toLocalDir(scratchDir) {
        const storage = getStorage();
        if (storage.kind === 'local') return storage.localPath(prefix);
        const dir = path.join(scratchDir, checkpointName(step));
        const copied = await downloadPrefix(storage, prefix, dir, { filter: (f) => (CHECKPOINT_FILES as readonly string[]).includes(f) });
        if (!copied.some((e) => e.relative === LAST_FILE)) throw notFound(LAST_FILE);
        return dir;
      },
    };
  }
  const dir = path.join(row.checkpointDir ?? '', checkpointName(step));
  return {
    step,
    location: dir,
    read: (file) =>
      readFile(path.join(dir, file)).catch((err: unknown) => {
        throw isMissing(err) ? notFound(file) : err;
      }),
    toLocalDir: async () => dir,
  };
}

/**
 * Moves the checkpoint folder `dir` (just written by the training loop) into the run's storage as
 * `<checkpointKey>/step-NNNNNNNN/`, manifest.json last; gives back that prefix.
 */
export async function publishRunCheckpoint(checkpointKey: string, dir: string, step: number): Promise<string> {
  const prefix = `${checkpointKey}/${checkpointName(step)}`;
  await getStorage().putDirectory(prefix, dir, { move: true, last: [LAST_FILE] });
  return prefix;
}
