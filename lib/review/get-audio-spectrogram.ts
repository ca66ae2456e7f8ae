// The editor's spectrogram overview of an ingested audio file: the low-resolution spectrogram the ingest stored
// (lib/align/spectrogram-file.ts). Its key comes from the book and file ids (no column: files ingested before it
// existed have none, and the editor then samples the PCM instead).
import { AppError } from '../errors/app-error.ts';
import { getReadyAudioFile } from '../ingest/get-audio-file.ts';
import { storageKeys } from '../ingest/storage-keys.ts';
import { getStorage } from '../storage/storage.ts';

/** The stored file's key and size; NOT_FOUND (saying what to do) when this file was ingested before it existed. */
export async function getAudioSpectrogram(audioFileId: string): Promise<{ key: string; size: number }> {
  const audio = await getReadyAudioFile(audioFileId);
  const key = storageKeys.audioSpectrogram(audio.bookId, audio.id);
  const size = await getStorage().size(key);
  if (size === null) {
    throw new AppError(
      'NOT_FOUND',
      `${audio.originalName} has no stored spectrogram overview: it was ingested before the ingest made one. Re-run its ingest from the book page to make it.`,
      { audioFileId },
    );
  }
  return { key, size };
}
