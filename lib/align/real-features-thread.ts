// Body of the audio features thread (see real-features.ts): computes and posts the features once, then ends.
import { parentPort, workerData } from 'node:worker_threads';
import { computeRealFeatures, type RealFeaturesInput } from './real-features.ts';

try {
  const features = await computeRealFeatures(workerData as RealFeaturesInput);
  parentPort!.postMessage({ ok: true, features }, [features.mfcc.data.buffer as ArrayBuffer, features.levels.buffer as ArrayBuffer]);
} catch (err) {
  const e = err as { message?: string; code?: string; details?: Record<string, unknown> };
  parentPort!.postMessage({ ok: false, error: { message: e.message ?? String(err), code: e.code, details: e.details } });
}
