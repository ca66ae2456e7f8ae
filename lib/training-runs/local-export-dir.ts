// The export a run trains on, as a local directory the dataset reader opens (vocab.txt, dataset.json, tfrecord/):
// an export kept in storage (Export.storageKey) is read in place on local storage, and copied from S3 into the
// job's scratch folder — only those files, not its FLAC or WAV copies; an older export lies in Export.dir.
import { AppError } from '../errors/app-error.ts';
import { downloadPrefix } from '../storage/download-prefix.ts';
import { getStorage } from '../storage/storage.ts';

/** What training reads of an export. */
export const isTrainingFile = (relative: string): boolean => relative === 'vocab.txt' || relative === 'dataset.json' || relative.startsWith('tfrecord/');

export async function localExportDir(exp: { id: string; dir: string; storageKey: string | null }, scratchDir: string, signal?: AbortSignal): Promise<string> {
  if (exp.storageKey === null) return exp.dir;
  const storage = getStorage();
  if (storage.kind === 'local') return storage.localPath(exp.storageKey);
  const copied = await downloadPrefix(storage, exp.storageKey, scratchDir, { filter: isTrainingFile, signal });
  if (!copied.some((e) => e.relative === 'vocab.txt')) {
    throw new AppError('NOT_FOUND', `Export ${exp.id} has no vocab.txt under "${exp.storageKey}" in storage: export again with the tfrecord format.`);
  }
  return scratchDir;
}
