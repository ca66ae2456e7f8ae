// NeMo-style manifest: one JSON object per line (audio_filepath, duration in seconds, text), plus id and
// speaker_id, which NeMo ignores and other tools use.
import { AppError } from '../errors/app-error.ts';

export type ManifestEntry = {
  /** Relative to the manifest's export root, or absolute; "/" separators. */
  audioFilepath: string;
  /** Seconds; pass samples / sampleRate. Rounded to 0.1 µs to drop float noise (1/16000 s needs 7 digits). */
  duration: number;
  text: string;
  id: string;
  speakerId: string;
};

/** One JSONL line, without the newline. Keys in a fixed order so files are byte-for-byte reproducible. */
export function manifestLine(e: ManifestEntry): string {
  if (!Number.isFinite(e.duration) || e.duration < 0) {
    throw new AppError('INVALID_INPUT', `Duration ${e.duration} of ${e.id} is not a valid number of seconds.`, { id: e.id });
  }
  return JSON.stringify({
    audio_filepath: e.audioFilepath,
    duration: Math.round(e.duration * 1e7) / 1e7,
    text: e.text,
    id: e.id,
    speaker_id: e.speakerId,
  });
}
