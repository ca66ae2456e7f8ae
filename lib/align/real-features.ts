// The real audio's features for the aligner: MFCCs (dithered, as the synthetic track's) and 10 ms frame energies
// for the pause map, in one streamed pass over the WAV. For long audio the pass runs on a worker thread, so it
// overlaps the synthetic track's work on the main thread (espeak-ng, the resample, its own MFCC): on a 2-core
// machine that takes the features stage of an 11-minute chapter from about 1.4 s to 0.7–0.9 s of wall time.
// Starting the thread costs about 0.25 s of CPU (it registers tsx and loads this module), so short spans
// (a re-aligned stretch between anchors, a 70 s reading) stay on the main thread.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { APP_ERROR_CODES, AppError, type AppErrorCode } from '../errors/app-error.ts';
import { EnergyMeter } from './detect-pauses.ts';
import { mfccFromWav, type Mfcc } from './mfcc.ts';

export type RealFeaturesInput = { file: string; startSec: number; endSec: number; shiftSec: number };
export type RealFeatures = { mfcc: Mfcc; levels: Float32Array; frameSec: number };

/** Audio at least this long is analysed on a worker thread (see the top of this file). */
export const THREAD_MIN_SEC = 120;
const ENERGY_FRAME_SEC = 0.01;
const ENTRY = 'real-features-entry.mjs';

/** The features on this thread. */
export async function computeRealFeatures(input: RealFeaturesInput, signal?: AbortSignal): Promise<RealFeatures> {
  const meter = new EnergyMeter(16_000, ENERGY_FRAME_SEC, Math.round((input.endSec - input.startSec) * 16_000));
  const mfcc = await mfccFromWav(input.file, {
    startSec: input.startSec,
    endSec: input.endSec,
    dither: 1,
    shiftSec: input.shiftSec,
    onChunk: (c) => meter.push(c),
    signal,
  });
  return { mfcc: { frames: mfcc.frames, coeffs: mfcc.coeffs, shiftSec: mfcc.shiftSec, data: mfcc.data }, levels: meter.finish(), frameSec: meter.frameSec };
}

/**
 * The features, on a worker thread when `thread` is true (default: for spans of THREAD_MIN_SEC or more). Same
 * numbers either way. Aborting `signal` ends the thread; the promise then rejects with the signal's reason.
 */
export async function realFeatures(input: RealFeaturesInput, opts: { signal?: AbortSignal; thread?: boolean } = {}): Promise<RealFeatures> {
  const thread = opts.thread ?? input.endSec - input.startSec >= THREAD_MIN_SEC;
  if (!thread) return computeRealFeatures(input, opts.signal);
  opts.signal?.throwIfAborted();
  // Not `new Worker(…)`: the app's bundler (Turbopack) follows that call into the entry, tsx and esbuild's binary
  // and fails the build. The web server reaches this module only through job definitions and never runs it.
  const worker = Reflect.construct(Worker, [path.join(path.dirname(fileURLToPath(import.meta.url)), ENTRY), { workerData: input }]) as Worker;
  return new Promise<RealFeatures>((resolve, reject) => {
    let settled = false;
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      f();
    };
    const onAbort = (): void => {
      finish(() => reject(opts.signal!.reason));
      void worker.terminate();
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (m: { ok: true; features: RealFeatures } | { ok: false; error: { message: string; code?: string; details?: Record<string, unknown> } }) => {
      if (m.ok) finish(() => resolve(m.features));
      else {
        const { message, code, details } = m.error;
        // the domain's errors cross the thread as what they were (a 415 for an unreadable WAV stays one)
        finish(() => reject((APP_ERROR_CODES as readonly string[]).includes(code ?? '') ? new AppError(code as AppErrorCode, message, details) : new Error(message)));
      }
      void worker.terminate();
    });
    worker.once('error', (err) => finish(() => reject(err)));
    worker.once('exit', (code) => finish(() => reject(new Error(`The audio features thread stopped (exit code ${code}) before it finished.`))));
  });
}
