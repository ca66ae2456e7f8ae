import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';

/** An ingested audio file, or NOT_FOUND / CONFLICT with what to do. */
export async function getReadyAudioFile(audioFileId: string) {
  const audio = await getDb().audioFile.findUnique({ where: { id: audioFileId } });
  if (!audio) throw new AppError('NOT_FOUND', `Audio file ${audioFileId} does not exist.`);
  if (audio.status !== 'ready' || !audio.pcmKey || !audio.peaksKey) {
    throw new AppError('CONFLICT', `${audio.originalName} is not ingested yet (status ${audio.status}).`);
  }
  return audio as typeof audio & { pcmKey: string; peaksKey: string };
}
