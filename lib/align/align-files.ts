// `alinea align AUDIO TEXT`: stand-alone alignment of one audio file and one text file to a sync map file,
// no database. Mirrors aeneas' execute_task.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { convertToPcm } from '../audio/convert-to-pcm.ts';
import { probeAudio } from '../audio/probe-audio.ts';
import { decodeText } from '../text/decode-text.ts';
import { writeFileAtomic } from '../storage/write-file-atomic.ts';
import { alignFragments, prepareSyntheticSpeech } from './align-fragments.ts';
import { settleBoth } from '../process/settle-both.ts';
import { parseTextInput, type TextInputType } from './syncmap/parse-text-input.ts';
import { writeSyncMap } from './syncmap/write-syncmap.ts';
import type { SyncMapFormat } from './syncmap/syncmap-types.ts';
import { ttsText } from './tts-text.ts';
import { splitSentences } from '../text/split-sentences.ts';

export type AlignFilesInput = {
  audio: string;
  text: string;
  language: string;
  textType: TextInputType;
  format: SyncMapFormat;
  out: string;
  cacheDir?: string;
  /** Also align each fragment sentence by sentence: the JSON sync map gets them as `children` (aeneas' multilevel). */
  sentences?: boolean;
  onProgress?: (fraction: number) => void;
};

export async function alignFiles(input: AlignFilesInput) {
  const started = performance.now();
  const probe = await probeAudio(input.audio);
  const { text } = decodeText(new Uint8Array(await readFile(input.text)), path.basename(input.text));
  const fragments = parseTextInput(text, input.textType);
  const sentenceTexts = fragments.map((f) => (input.sentences ? splitSentences(f.lines.join(' '), input.language).map((x) => x.text) : []));
  const work = await mkdtemp(path.join(tmpdir(), 'alinea-align-'));
  try {
    const wav = path.join(work, 'audio-16k.wav');
    const alignerFragments = fragments.map((f, i) => ({
      id: f.id,
      text: ttsText(f.lines.join(' '), input.language),
      ...(sentenceTexts[i]!.length > 1 ? { sentences: sentenceTexts[i]!.map((t) => ttsText(t, input.language)) } : {}),
    }));
    const options = input.cacheDir ? { cacheDir: input.cacheDir } : undefined;
    // ffmpeg decodes on one core while espeak-ng speaks the text on the other; a failure stops both.
    const stop = new AbortController();
    await settleBoth(
      convertToPcm(input.audio, wav, {
        durationSec: probe.durationSec,
        declaredDurationSec: probe.durationFromBitRate ? undefined : probe.durationSec,
        onProgress: (f) => input.onProgress?.(0.1 * f),
        signal: stop.signal,
      }),
      prepareSyntheticSpeech({ fragments: alignerFragments, language: input.language, options, signal: stop.signal }),
      () => stop.abort(new Error('stopped: the other stage failed')),
    );
    const result = await alignFragments({
      audioWav: wav,
      fragments: alignerFragments,
      language: input.language,
      onProgress: (f) => input.onProgress?.(0.1 + 0.9 * f),
      options,
    });
    const body = writeSyncMap(
      {
        fragments: result.fragments.map((r, i) => ({
          id: r.id,
          begin: r.begin,
          end: r.end,
          lines: fragments[i]!.lines,
          language: input.language,
          // aeneas' multilevel ids: the paragraph's id, then s000001 … per sentence.
          children: (r.children ?? []).map((c, k) => ({
            id: `${r.id}s${String(k + 1).padStart(6, '0')}`,
            begin: c.begin,
            end: c.end,
            lines: [sentenceTexts[i]![k]!],
            language: input.language,
          })),
        })),
      },
      input.format,
      { audioRef: path.basename(input.audio), textRef: path.basename(input.text), language: input.language },
    );
    await writeFileAtomic(path.resolve(input.out), body);
    const confidences = result.fragments.map((f) => f.confidence);
    return {
      duration: Math.round(result.durationSec * 1000) / 1000,
      fragments: result.fragments.length,
      head: Math.round(result.head * 1000) / 1000,
      tail: Math.round(result.tail * 1000) / 1000,
      meanConfidence: Math.round((confidences.reduce((a, b) => a + b, 0) / confidences.length) * 1000) / 1000,
      lowConfidence: result.fragments.filter((f) => f.confidence < 0.5).map((f) => f.id),
      notInAudio: result.fragments.filter((f) => f.flag === 'not-in-audio').map((f) => f.id),
      extraAudio: result.fragments.filter((f) => f.flag === 'extra-audio').map((f) => f.id),
      format: input.format,
      out: path.resolve(input.out),
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
