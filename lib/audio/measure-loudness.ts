import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { startChild } from '../process/start-child.ts';

export type Loudness = {
  /** EBU R128 / BS.1770 integrated loudness; null when nothing passes the −70 LUFS gate (silence, < 0.4 s). */
  integratedLufs: number | null;
  /** Maximum true peak (4× oversampled), dBTP; null for digital silence. */
  truePeakDb: number | null;
  /** Loudness range, LU; null when the integrated loudness is. */
  loudnessRange: number | null;
};

const STDERR_KEEP = 8_192;

/** Measures loudness with ffmpeg's ebur128 filter, one decode pass, parsing the Summary it logs at the end. */
export async function measureLoudness(file: string, signal?: AbortSignal): Promise<Loudness> {
  const name = path.basename(file);
  const { exit, stderr } = await runFfmpeg([
    '-hide_banner', '-nostdin', '-nostats', '-v', 'info',
    '-i', `file:${path.resolve(file)}`,
    '-map', '0:a:0',
    // framelog=verbose keeps the 10-per-second frame lines out of the info-level log; the Summary stays.
    '-af', 'ebur128=peak=true:framelog=verbose',
    '-f', 'null', '-',
  ], signal);
  const summary = stderr.lastIndexOf('Summary:');
  if (exit !== 0 || summary < 0) {
    const reason = stderr.trim().split('\n').at(-1)?.trim() || `ffmpeg exited with code ${exit}`;
    throw new AppError(
      'UNSUPPORTED_MEDIA',
      `Could not measure the loudness of "${name}" (${reason}). Check that it is a readable audio file.`,
      { file: name, stderr },
    );
  }
  const text = stderr.slice(summary);
  const integrated = field(text, /^\s*I:\s*(\S+)\s*LUFS/m);
  const integratedLufs = integrated !== null && integrated > -70 ? integrated : null;
  return {
    integratedLufs,
    truePeakDb: field(text, /^\s*Peak:\s*(\S+)\s*dBFS/m),
    loudnessRange: integratedLufs === null ? null : field(text, /^\s*LRA:\s*(\S+)\s*LU\b/m),
  };
}

/** The number captured by `re`, or null when missing or not finite ("-inf" for silence). */
function field(text: string, re: RegExp): number | null {
  const m = re.exec(text);
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : null;
}

async function runFfmpeg(args: string[], signal?: AbortSignal): Promise<{ exit: number; stderr: string }> {
  // Only the tail matters (the Summary is last); never hold a whole log of a long file.
  const { code, stderr } = await startChild('ffmpeg', args, { signal, stderrKeep: STDERR_KEEP }).exit;
  return { exit: code, stderr };
}
