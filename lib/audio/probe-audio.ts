import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { startChild } from '../process/start-child.ts';

export type AudioProbe = {
  durationSec: number;
  codec: string;
  channels: number;
  sampleRate: number;
  /** Bits per second, null when the container does not say (e.g. some Ogg streams). */
  bitRate: number | null;
  formatName: string;
  /**
   * ffprobe guessed the duration from the bit rate (an MP3 without a VBR header): an estimate, possibly far off
   * (a VBR file that opens with silence: 20.2 s for 9.0 s of audio), so not something the decoded audio must match.
   */
  durationFromBitRate: boolean;
};

type FfprobeStream = {
  codec_type?: string;
  codec_name?: string;
  channels?: number;
  sample_rate?: string;
  bit_rate?: string;
  duration?: string;
};
type FfprobeOutput = {
  streams?: FfprobeStream[];
  format?: { format_name?: string; duration?: string; bit_rate?: string };
};

const SUPPORTED = 'mp3, ogg/opus, flac, wav, m4a';

/** Reads duration, codec and layout of the first audio stream with ffprobe. */
export async function probeAudio(file: string, displayName?: string, signal?: AbortSignal): Promise<AudioProbe> {
  const name = displayName ?? path.basename(file);
  const reject = (reason: string): AppError =>
    new AppError(
      'UNSUPPORTED_MEDIA',
      `"${name}" is not a readable audio file (${reason}). Upload one of: ${SUPPORTED}.`,
      { file: name, reason },
    );

  const { code, stdout, stderr } = await runFfprobe(file, signal);
  if (code !== 0) throw reject(lastLine(stderr) || `ffprobe exited with code ${code}`);

  let parsed: FfprobeOutput;
  try {
    parsed = JSON.parse(stdout) as FfprobeOutput;
  } catch {
    throw reject('ffprobe output could not be parsed');
  }
  const stream = parsed.streams?.find((s) => s.codec_type === 'audio');
  if (!stream) throw reject('no audio stream');

  // Ogg/Opus and some MP3s only carry the duration at container level.
  const durationSec = positive(stream.duration) ?? positive(parsed.format?.duration);
  if (durationSec === null) throw reject('zero or unknown duration');
  const sampleRate = positive(stream.sample_rate);
  const channels = stream.channels ?? 0;
  if (sampleRate === null || channels <= 0) throw reject('no sample rate or channels');

  return {
    durationSec,
    codec: stream.codec_name ?? 'unknown',
    channels,
    sampleRate,
    bitRate: positive(stream.bit_rate) ?? positive(parsed.format?.bit_rate),
    formatName: parsed.format?.format_name ?? 'unknown',
    durationFromBitRate: /Estimating duration from bitrate/.test(stderr),
  };
}

function positive(v: string | undefined): number | null {
  if (v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : null;
}

function lastLine(s: string): string {
  return s.trim().split('\n').at(-1)?.trim() ?? '';
}

async function runFfprobe(file: string, signal?: AbortSignal): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  const { code, stderr } = await startChild(
    'ffprobe',
    // `file:` + absolute path: names starting with '-' or containing ':' are not read as options/protocols.
    // Warnings too: "Estimating duration from bitrate" is one (the last line is still the error on failure).
    ['-v', 'warning', '-print_format', 'json', '-show_format', '-show_streams', '-i', `file:${path.resolve(file)}`],
    { packageName: 'ffmpeg', signal, onStdout: (d) => (stdout += d) },
  ).exit;
  return { code, stdout, stderr };
}
