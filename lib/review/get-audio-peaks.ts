// The editor's waveform of an ingested audio file: a time range of the precomputed min/max peaks (10 ms base),
// rounded to 4 decimals to keep the JSON small.
import { z } from 'zod';
import { readPeaks } from '../audio/peaks-file.ts';
import { getReadyAudioFile } from '../ingest/get-audio-file.ts';
import { getStorage } from '../storage/storage.ts';
import { storedByteSource } from '../storage/byte-source.ts';

/** The query the route takes: seconds, and a coarser bucket for zoomed-out views. */
export const getAudioPeaksQuery = z.object({
  start: z.coerce.number().min(0).optional(),
  end: z.coerce.number().min(0).optional(),
  samplesPerPeak: z.coerce.number().int().positive().optional(),
});

export async function getAudioPeaks(audioFileId: string, range: z.infer<typeof getAudioPeaksQuery> = {}) {
  const audio = await getReadyAudioFile(audioFileId);
  // ranged reads of the stored peaks file (S3: Range GetObjects), never the whole of it
  const r = await readPeaks(storedByteSource(getStorage(), audio.peaksKey), range);
  return { sampleRate: r.sampleRate, samplesPerPeak: r.samplesPerPeak, startSec: r.startSec, peaks: Array.from(r.peaks, (v) => Math.round(v * 1e4) / 1e4) };
}
