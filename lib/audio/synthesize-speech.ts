import { stat } from 'node:fs/promises';
import { AppError } from '../errors/app-error.ts';
import { publishAtomic } from '../storage/write-file-atomic.ts';
import { startChild } from '../process/start-child.ts';

export type SynthesizeSpeechOptions = {
  /** espeak-ng voice, e.g. 'es', 'es-419', 'en'; default 'es'. */
  voice?: string;
  /** Approximate words per minute, 80–450; default 160. */
  wordsPerMinute?: number;
  /** 0–99; default 50. */
  pitch?: number;
  /** The text is SSML (espeak-ng -m): `<break time="600ms"/>` and the like are read as markup, not spoken. */
  ssml?: boolean;
  /** Ends espeak-ng and removes the partial file. */
  signal?: AbortSignal;
};

const STDERR_KEEP = 4_096;
const WAV_HEADER_BYTES = 44;

/**
 * Speaks `text` with espeak-ng into a 22 050 Hz mono 16-bit WAV. The text goes through stdin (no argument
 * length limit, no option injection); the file appears under `outWav` only when complete.
 */
export async function synthesizeSpeech(text: string, outWav: string, opts: SynthesizeSpeechOptions = {}): Promise<void> {
  const voice = opts.voice ?? 'es';
  const wpm = opts.wordsPerMinute ?? 160;
  const pitch = opts.pitch ?? 50;
  if (text.trim() === '') throw new AppError('INVALID_INPUT', 'Nothing to synthesise: the text is empty.');
  if (!/^[A-Za-z0-9_+\-/]+$/.test(voice)) {
    throw new AppError('INVALID_INPUT', `Voice "${voice}" is not a valid espeak-ng voice name (e.g. "es", "es-419").`, { voice });
  }
  if (!Number.isInteger(wpm) || wpm < 80 || wpm > 450) {
    throw new AppError('INVALID_INPUT', `wordsPerMinute must be an integer from 80 to 450, got ${wpm}.`, { wordsPerMinute: wpm });
  }
  if (!Number.isInteger(pitch) || pitch < 0 || pitch > 99) {
    throw new AppError('INVALID_INPUT', `pitch must be an integer from 0 to 99, got ${pitch}.`, { pitch });
  }

  await publishAtomic(outWav, async (part) => {
    const { exit, stderr } = await runEspeak(
      ['-v', voice, '-s', String(wpm), '-p', String(pitch), '-b', '1', ...(opts.ssml ? ['-m'] : []), '--stdin', '-w', part],
      text,
      opts.signal,
    );
    if (exit !== 0) {
      throw new AppError(
        'INVALID_INPUT',
        `espeak-ng could not synthesise with voice "${voice}" (${stderr.trim() || `exit code ${exit}`}). ` +
          'Check the voice name with `espeak-ng --voices`.',
        { voice, stderr },
      );
    }
    // A header-only file means nothing was spoken (e.g. text of punctuation only).
    const size = await stat(part).then((s) => s.size, () => 0);
    if (size <= WAV_HEADER_BYTES) {
      throw new AppError('INVALID_INPUT', 'espeak-ng produced no audio: the text has nothing speakable.', { voice });
    }
  });
}

async function runEspeak(args: string[], input: string, signal?: AbortSignal): Promise<{ exit: number; stderr: string }> {
  const { code, stderr } = await startChild('espeak-ng', args, { input, signal, stderrKeep: STDERR_KEEP }).exit;
  return { exit: code, stderr };
}
