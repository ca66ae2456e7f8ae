// Ingest of one audio file: probe, 16 kHz mono PCM beside the original, waveform peaks, a low-resolution
// spectrogram (the editor's overview), loudness, clipping.
import { rm } from 'node:fs/promises';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import { AppError } from '../errors/app-error.ts';
import { isInterruptedError } from '../errors/interrupted-error.ts';
import type { JobContext } from '../jobs/job-definition.ts';
import { isPermanentError } from '../jobs/run-claimed-job.ts';
import { probeAudio } from '../audio/probe-audio.ts';
import { convertToPcm, PCM_SAMPLE_RATE } from '../audio/convert-to-pcm.ts';
import { writePeaksFile } from '../audio/peaks-file.ts';
import { writeSpectrogramFile } from '../align/spectrogram-file.ts';
import { measureLoudness } from '../audio/measure-loudness.ts';
import { scanClipping } from '../audio/scan-clipping.ts';
import { storageKeys } from './storage-keys.ts';
import { maybeProposeSplit } from './propose-book-split.ts';

export async function ingestAudioFile(audioFileId: string, ctx: JobContext) {
  const db = getDb();
  const audio = await db.audioFile.findUnique({ where: { id: audioFileId } });
  if (!audio) throw new AppError('NOT_FOUND', `Audio file ${audioFileId} no longer exists.`);
  const storage = getStorage();
  await db.audioFile.update({ where: { id: audio.id }, data: { status: 'ingesting', error: null } });
  try {
    ctx.progress(0.01, `Reading ${audio.originalName}`);
    const pcmKey = storageKeys.audioPcm(audio.bookId, audio.id);
    const peaksKey = storageKeys.audioPeaks(audio.bookId, audio.id);
    // no column for it: the route derives the key (storageKeys.audioSpectrogram)
    const spectrogramKey = storageKeys.audioSpectrogram(audio.bookId, audio.id);
    // The upload as a local file (itself locally, a scratch copy on S3); the PCM, peaks and spectrogram are made in scratch files
    // (a crashed attempt's are swept at the next worker start), measured there, then stored under their keys.
    const pcmPath = storage.tempPath('.wav');
    const peaksPath = storage.tempPath('.bin');
    const spectrogramPath = storage.tempPath('.bin');
    const made = await storage
      .withLocalFile(audio.originalKey, async (original) => {
        const probe = await probeAudio(original, audio.originalName, ctx.signal);
        // a file decoding to clearly less than its header declares is truncated: it fails, naming the upload
        const { samples } = await convertToPcm(original, pcmPath, {
          durationSec: probe.durationSec,
          declaredDurationSec: probe.durationFromBitRate ? undefined : probe.durationSec,
          displayName: audio.originalName,
          signal: ctx.signal,
          onProgress: (f) => ctx.progress(0.02 + 0.78 * f, `Converting to 16 kHz mono (${Math.round(f * 100)} %)`),
        });
        ctx.progress(0.8, 'Computing waveform peaks');
        await writePeaksFile(pcmPath, peaksPath);
        ctx.progress(0.83, 'Computing the spectrogram overview');
        await writeSpectrogramFile(pcmPath, spectrogramPath);
        ctx.progress(0.88, 'Measuring loudness');
        const loudness = await measureLoudness(pcmPath, ctx.signal);
        ctx.progress(0.96, 'Checking for clipping');
        const clipping = await scanClipping(pcmPath);
        await storage.putFile(pcmKey, pcmPath, { move: true });
        await storage.putFile(peaksKey, peaksPath, { move: true });
        await storage.putFile(spectrogramKey, spectrogramPath, { move: true });
        return { probe, samples, loudness, clipping };
      })
      .finally(() => Promise.all([pcmPath, peaksPath, spectrogramPath].map((p) => rm(p, { force: true }))));
    const { probe, samples, loudness, clipping } = made;
    // what the 16 kHz PCM holds, not what the header says (an estimate from the bit rate can be far off)
    const durationSec = samples / PCM_SAMPLE_RATE;
    await db.audioFile.update({
      where: { id: audio.id },
      data: {
        status: 'ready',
        error: null,
        durationSec,
        codec: probe.codec,
        channels: probe.channels,
        sampleRate: probe.sampleRate,
        bitRate: probe.bitRate,
        pcmKey,
        pcmSamples: samples,
        peaksKey,
        loudnessLufs: loudness.integratedLufs,
        truePeakDb: loudness.truePeakDb,
        peakDb: clipping.peakDb,
        clippedSamples: clipping.clippedSamples,
        clippedRatio: clipping.clippedRatio,
      },
    });
    await maybeProposeSplit(audio.bookId);
    return { durationSec, samples };
  } catch (e) {
    const finalAttempt = isPermanentError(e) || ctx.isFinalAttempt;
    if (!ctx.signal.aborted) {
      await db.audioFile.update({
        where: { id: audio.id },
        data: finalAttempt
          ? { status: 'failed', error: e instanceof Error ? e.message : String(e) }
          : { status: 'uploaded', error: `Will retry: ${e instanceof Error ? e.message : String(e)}` },
      });
      if (finalAttempt) await maybeProposeSplit(audio.bookId);
    } else if (isInterruptedError(ctx.signal.reason)) {
      // the worker stopped: the job is handed back and ingests the file at the next start
      await db.audioFile.update({ where: { id: audio.id }, data: { status: 'uploaded', error: null } });
    } else {
      await db.audioFile.update({ where: { id: audio.id }, data: { status: 'uploaded', error: 'Ingest was cancelled; re-run it from the book page.' } });
    }
    throw e;
  }
}
