import { AppError } from '../errors/app-error.ts';

// A file can promise more audio than it holds: a truncated MP3 keeps its VBR header's frame count (6.1 s declared)
// while ffmpeg decodes the 0.3 s that is there without an error. Containers also report durations slightly off
// (encoder delay and padding, a rounded header), hence both margins: a file fails only when it decodes to less than
// 90 % of its declared duration AND more than 1 s less.
export const MIN_DECODED_FRACTION = 0.9;
export const MAX_MISSING_SECONDS = 1;

/** Rejects a file whose decoded audio falls clearly short of the duration its header declares (names the file). */
export function checkDecodedDuration(name: string, declaredSec: number, decodedSec: number): void {
  const missing = declaredSec - decodedSec;
  if (decodedSec >= declaredSec * MIN_DECODED_FRACTION || missing <= MAX_MISSING_SECONDS) return;
  throw new AppError(
    'INVALID_INPUT',
    `"${name}": only ${decodedSec.toFixed(1)} s of its declared ${declaredSec.toFixed(1)} s decode — ` +
      'the file is truncated or damaged; upload it again.',
    { file: name, declaredSec, decodedSec },
  );
}
