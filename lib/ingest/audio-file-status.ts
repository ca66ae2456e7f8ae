// An audio file's status (AudioFile.status): 'uploaded' until its ingest job runs, 'ingesting' while it does,
// then 'ready' (decoded to 16 kHz PCM, peaks computed) or 'failed'. Pure: the components import it too.
export const AUDIO_FILE_STATUSES = ['uploaded', 'ingesting', 'ready', 'failed'] as const;
export type AudioFileStatus = (typeof AUDIO_FILE_STATUSES)[number];

/** Not ingested yet: uploaded and waiting for its job, or being ingested. */
export const PENDING_AUDIO_FILE_STATUSES = ['uploaded', 'ingesting'] as const satisfies readonly AudioFileStatus[];

export function isAudioPending(audio: { status: string }): boolean {
  return (PENDING_AUDIO_FILE_STATUSES as readonly string[]).includes(audio.status);
}
