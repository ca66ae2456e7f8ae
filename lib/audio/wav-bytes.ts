// A canonical 44-byte-header WAV (RIFF, fmt  PCM 16-bit mono, data) in memory, for the `audio/encoded`
// feature: what tf.audio.decode_wav, soundfile and Python's wave module read.
import { AppError } from '../errors/app-error.ts';

export const WAV_HEADER_BYTES = 44;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** 16-bit PCM WAV bytes of `samples` (header + samples, little-endian; interleaved when `channels` > 1). */
export function wavBytes(samples: Int16Array, sampleRate = 16_000, channels = 1): Uint8Array {
  if (!Number.isInteger(channels) || channels < 1) throw new AppError('INVALID_INPUT', `Channel count ${channels} is not a positive integer.`);
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) {
    throw new AppError('INVALID_INPUT', `Sample rate ${sampleRate} is not a positive integer.`);
  }
  const dataBytes = samples.length * 2;
  if (dataBytes > 0xffffffff - 36) throw new AppError('TOO_LARGE', 'Too many samples for one WAV file (4 GiB).');
  const out = new Uint8Array(WAV_HEADER_BYTES + dataBytes);
  const v = new DataView(out.buffer);
  const ascii = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true); // fmt chunk size
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, channels, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * channels * 2, true); // byte rate
  v.setUint16(32, channels * 2, true); // block align
  v.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  v.setUint32(40, dataBytes, true);
  if (LITTLE_ENDIAN) out.set(new Uint8Array(samples.buffer, samples.byteOffset, dataBytes), WAV_HEADER_BYTES);
  else for (let i = 0; i < samples.length; i++) v.setInt16(WAV_HEADER_BYTES + i * 2, samples[i]!, true);
  return out;
}

/**
 * Reads back what wavBytes writes: a 16-bit PCM mono WAV with `fmt ` then `data` (other chunks between
 * them are skipped). Samples are copied, so they do not alias `bytes`.
 */
export function parseWavBytes(bytes: Uint8Array): { samples: Int16Array; sampleRate: number } {
  const bad = (why: string) => new AppError('UNSUPPORTED_MEDIA', `Embedded audio is not a 16-bit PCM mono WAV (${why}).`, { reason: why });
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (bytes.length < 12 || ascii(0) !== 'RIFF' || ascii(8) !== 'WAVE') throw bad('no RIFF/WAVE header');
  let sampleRate = 0;
  for (let p = 12; p + 8 <= bytes.length; ) {
    const id = ascii(p);
    const size = v.getUint32(p + 4, true);
    const body = p + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw bad('truncated fmt chunk');
      if (v.getUint16(body, true) !== 1 || v.getUint16(body + 2, true) !== 1 || v.getUint16(body + 14, true) !== 16) {
        throw bad('not 16-bit PCM mono');
      }
      sampleRate = v.getUint32(body + 4, true);
    } else if (id === 'data') {
      if (!sampleRate) throw bad('data chunk before fmt chunk');
      if (body + size > bytes.length || size % 2 !== 0) throw bad('truncated data chunk');
      const samples = new Int16Array(size / 2);
      if (LITTLE_ENDIAN) new Uint8Array(samples.buffer).set(bytes.subarray(body, body + size));
      else for (let i = 0; i < samples.length; i++) samples[i] = v.getInt16(body + i * 2, true);
      return { samples, sampleRate };
    }
    p = body + size + (size % 2);
  }
  throw bad('no data chunk');
}
