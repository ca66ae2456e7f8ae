// Spoken utterances for tests and benchmarks: espeak-ng speaks each text (Spanish voice), ffmpeg resamples it to
// 16 kHz mono 16-bit, and the samples are returned in memory.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { convertToPcm } from '../audio/convert-to-pcm.ts';
import { synthesizeSpeech, type SynthesizeSpeechOptions } from '../audio/synthesize-speech.ts';
import { parseWavBytes } from '../audio/wav-bytes.ts';
import type { FixtureUtterance } from './write-export-fixture.ts';

export async function synthesizeUtterances(texts: readonly string[], opts: SynthesizeSpeechOptions = {}): Promise<FixtureUtterance[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'alinea-tts-'));
  try {
    return await Promise.all(
      texts.map(async (text, i) => {
        const raw = path.join(dir, `${i}-22k.wav`);
        const pcm = path.join(dir, `${i}.wav`);
        await synthesizeSpeech(text, raw, { voice: 'es', ...opts });
        await convertToPcm(raw, pcm);
        return { id: `utt${String(i).padStart(3, '0')}`, text, samples: parseWavBytes(await readFile(pcm)).samples };
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
