// LibriSpeech's layout: <split>/<speaker>/<chapter>/<speaker>-<chapter>-<utt>.flac, and one
// <speaker>-<chapter>.trans.txt per chapter folder with lines "<speaker>-<chapter>-<utt> TRANSCRIPT" in id
// order. Readers (torchaudio's LIBRISPEECH, Kaldi/ESPnet recipes) split the id on "-" and parse integers, so
// speaker and chapter are small integers here: the job maps its own ids to them and records the mapping in
// dataset.json. Utterance numbers are zero-padded to 4 digits as in LibriSpeech.
// Transcripts: LibriSpeech is upper-case English; we keep the normalised lower-case Spanish text unchanged
// (as Multilingual LibriSpeech does), so transcripts equal `text` in the TFRecords and the manifests.
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';

export type LibriSpeechUtterance = { split: string; speaker: number; chapter: number; utterance: number };

export type LibriSpeechPaths = {
  /** `<speaker>-<chapter>-<utt>` */
  uttId: string;
  /** Relative to the librispeech/ root, with "/" separators. */
  flac: string;
  transcript: string;
};

function checkId(name: string, v: number): void {
  if (!Number.isSafeInteger(v) || v < 0) {
    throw new AppError('INVALID_INPUT', `LibriSpeech ${name} must be a non-negative integer (got ${v}).`, { [name]: v });
  }
}

export function librispeechPaths(u: LibriSpeechUtterance): LibriSpeechPaths {
  checkId('speaker', u.speaker);
  checkId('chapter', u.chapter);
  checkId('utterance', u.utterance);
  if (!/^[A-Za-z0-9_.-]+$/.test(u.split) || u.split.startsWith('.')) {
    throw new AppError('INVALID_INPUT', `"${u.split}" cannot be a split folder name.`, { split: u.split });
  }
  const uttId = `${u.speaker}-${u.chapter}-${String(u.utterance).padStart(4, '0')}`;
  const dir = path.posix.join(u.split, String(u.speaker), String(u.chapter));
  return {
    uttId,
    flac: path.posix.join(dir, `${uttId}.flac`),
    transcript: path.posix.join(dir, `${u.speaker}-${u.chapter}.trans.txt`),
  };
}

/** One line of a .trans.txt file (without the newline). */
export function transcriptLine(uttId: string, text: string): string {
  if (/[\r\n\t]/.test(text) || text.trim() !== text) {
    throw new AppError('INVALID_INPUT', `Transcript of ${uttId} has tabs, line breaks or edge spaces; normalise it first.`, { uttId });
  }
  return `${uttId} ${text}`;
}
