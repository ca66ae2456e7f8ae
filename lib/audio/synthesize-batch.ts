// Many texts through one espeak-ng process. Starting espeak-ng costs about 28 ms (loading its voice and
// dictionaries, mostly system time): for a 46-paragraph chapter that was 2.1 CPU s of one process per paragraph
// against 0.45 s for one process speaking them all. The texts are joined as SSML with a 4 s break between them;
// the break comes out as a run of exact zero samples (espeak-ng writes digital silence), nothing in speech is that
// long, and so the output splits back into one WAV per text. When the split does not give exactly one segment per
// text the caller speaks each text on its own instead (`synthesizeBatch` returns null).
import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { wavBytes } from './wav-bytes.ts';
import { publishAtomic } from '../storage/write-file-atomic.ts';
import { openWav } from './wav-reader.ts';
import { synthesizeSpeech, type SynthesizeSpeechOptions } from './synthesize-speech.ts';

/** The break between two texts of a batch. */
export const BATCH_BREAK_MS = 4_000;
/** A run of zero samples at least this long separates two texts (the break, less a little: it replaces the clause pause). */
const SPLIT_MIN_SEC = 3;

/** Escapes plain text for espeak-ng's SSML mode. */
export function ssmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The stretches of `samples` between runs of at least `minRun` zero samples, as [begin, end) sample indexes; each
 * stretch starts and ends on a non-zero sample. Zeros at the very start and end are not stretches' part either.
 */
export function splitAtZeroRuns(samples: Int16Array, minRun: number): [number, number][] {
  const out: [number, number][] = [];
  const n = samples.length;
  let begin = -1; // first non-zero sample of the current stretch
  let end = 0; // one past its last non-zero sample so far
  let i = 0;
  // two tight loops (a run of non-zero samples, then a run of zeros) rather than one test per sample
  while (i < n) {
    while (i < n && samples[i] === 0) i++;
    if (i === n) break;
    const from = i; // the first non-zero sample after a run of zeros (or the first of all)
    if (begin < 0) begin = from;
    else if (from - end >= minRun) {
      out.push([begin, end]);
      begin = from;
    }
    while (i < n && samples[i] !== 0) i++;
    end = i;
  }
  if (begin >= 0) out.push([begin, end]);
  return out;
}

/**
 * Speaks `texts` (plain text, or SSML fragments when `opts.ssml`) with one espeak-ng process and writes text k's
 * audio to `outWavs[k]` (22 050 Hz mono 16-bit, each published atomically). Every text ends with the clause pause
 * espeak-ng gives a text on its own (measured on the batch's last text, which no break follows). Returns null,
 * writing nothing, when the audio does not split into exactly one stretch per text.
 */
export async function synthesizeBatch(texts: string[], outWavs: string[], workDir: string, opts: SynthesizeSpeechOptions = {}): Promise<true | null> {
  if (texts.length !== outWavs.length) throw new AppError('INVALID_INPUT', 'synthesizeBatch needs one output file per text.');
  if (texts.length === 0) return true;
  const ssml = `<speak>${texts.map((t) => (opts.ssml ? t.trim() : ssmlEscape(t.trim()))).join(`<break time="${BATCH_BREAK_MS}ms"/>`)}</speak>`;
  const tmp = path.join(workDir, `.batch-${randomUUID()}.wav`);
  try {
    await synthesizeSpeech(ssml, tmp, { ...opts, ssml: true });
    const info = await openWav(tmp);
    const bytes = await readFile(tmp);
    const at = bytes.byteOffset + info.dataOffset;
    // a view over the file's bytes where they are 2-byte aligned (readFile's own buffer: they are), else a copy
    const samples =
      at % 2 === 0
        ? new Int16Array(bytes.buffer, at, info.dataBytes >> 1)
        : new Int16Array(bytes.buffer.slice(at, at + (info.dataBytes & ~1)));
    const stretches = splitAtZeroRuns(samples, Math.round(SPLIT_MIN_SEC * info.sampleRate));
    if (stretches.length !== texts.length) return null;
    const trail = samples.length - stretches.at(-1)![1];
    const silence = new Uint8Array(trail * 2);
    for (let k = 0; k < texts.length; k++) {
      const [b, e] = stretches[k]!;
      const speech = new Uint8Array(samples.buffer, samples.byteOffset + b * 2, (e - b) * 2);
      const header = wavBytes(new Int16Array(0), info.sampleRate);
      new DataView(header.buffer).setUint32(4, 36 + speech.length + silence.length, true);
      new DataView(header.buffer).setUint32(40, speech.length + silence.length, true);
      await publishAtomic(outWavs[k]!, (part) => writeFile(part, Buffer.concat([header, speech, silence])));
    }
    return true;
  } finally {
    await rm(tmp, { force: true });
  }
}

