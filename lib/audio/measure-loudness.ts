import { spawn } from 'node:child_process';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';

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
export async function measureLoudness(file: string): Promise<Loudness> {
  const name = path.basename(file);
  const { exit, stderr } = await runFfmpeg([
    '-hide_banner', '-nostdin', '-nostats', '-v', 'info',
    '-i', `file:${path.resolve(file)}`,
    '-map', '0:a:0',
    // framelog=verbose keeps the 10-per-second frame lines out of the info-level log; the Summary stays.
    '-af', 'ebur128=peak=true:framelog=verbose',
    '-f', 'null', '-',
  ]);
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

function runFfmpeg(args: string[]): Promise<{ exit: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    // Only the tail matters (the Summary is last); never hold a whole log of a long file.
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-STDERR_KEEP);
    });
    child.on('error', (err) => reject(new Error(`Could not run ffmpeg (is it installed?): ${err.message}`)));
    child.on('close', (exit) => resolve({ exit, stderr }));
  });
}
