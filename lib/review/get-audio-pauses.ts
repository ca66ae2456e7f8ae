// The pauses of an ingested audio file (for the editor's "snap to pauses"): an energy VAD over the 16 kHz
// working copy, computed once and cached next to it as pauses.json (temp file, then rename). The cache
// records the size of the PCM it came from, so a re-ingested file gets fresh pauses.
import path from 'node:path';
import { Readable } from 'node:stream';
import { getReadyAudioFile } from '../ingest/get-audio-file.ts';
import { getStorage } from '../storage/storage.ts';
import { detectPauses, EnergyMeter, type Pause } from '../align/detect-pauses.ts';
import { openWav, streamWavSamples } from '../audio/wav-reader.ts';

const CACHE_VERSION = 1;

type PausesCache = { version: number; pcmBytes: number; pauses: Pause[] };

/** The storage key of the pauses cache of a PCM file: pauses.json in the same folder. */
export function pausesKey(pcmKey: string): string {
  return path.posix.join(path.posix.dirname(pcmKey), 'pauses.json');
}

/** Pauses (seconds, rounded to the millisecond) found in a 16-bit WAV file. */
export async function computePauses(wavPath: string): Promise<Pause[]> {
  const info = await openWav(wavPath);
  const meter = new EnergyMeter(info.sampleRate, 0.01, info.samples);
  for await (const chunk of streamWavSamples(wavPath, { chunkSamples: 1 << 16 })) meter.push(chunk);
  const energies = meter.finish();
  if (energies.length === 0) return [];
  const ms = (t: number) => Math.round(t * 1000) / 1000;
  return detectPauses(energies, meter.frameSec).pauses.map((p) => ({ begin: ms(p.begin), end: ms(p.end) }));
}

/** NOT_FOUND for an unknown audio file, CONFLICT while it is not ingested yet. */
export async function getAudioPauses(audioFileId: string): Promise<{ pauses: Pause[] }> {
  const audio = await getReadyAudioFile(audioFileId);
  const storage = getStorage();
  const pcmBytes = await storage.size(audio.pcmKey);
  const key = pausesKey(audio.pcmKey);
  const cached = await storage
    .readAll(key)
    .then((b) => JSON.parse(b.toString('utf8')) as PausesCache)
    .catch(() => null); // none yet, or unreadable: compute again
  if (cached && cached.version === CACHE_VERSION && cached.pcmBytes === pcmBytes && Array.isArray(cached.pauses)) {
    return { pauses: cached.pauses };
  }
  const pauses = await storage.withLocalFile(audio.pcmKey, computePauses); // S3: a scratch copy, once
  const body: PausesCache = { version: CACHE_VERSION, pcmBytes: pcmBytes ?? 0, pauses };
  await storage.putStream(key, Readable.from([Buffer.from(JSON.stringify(body))]));
  return { pauses };
}
