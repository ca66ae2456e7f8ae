// The stored low-resolution spectrogram's format (layout in spectrogram-file.ts), parsed from bytes: no Node APIs,
// so the editor parses what the route serves with the same code as the server.
import { AppError } from '../errors/app-error.ts';

export const SPECTROGRAM_MAGIC = 'ALSG';
export const SPECTROGRAM_VERSION = 1;
export const SPECTROGRAM_HEADER_BYTES = 40;

export type SpectrogramInfo = {
  sampleRate: number;
  /** Samples per column (1600 at 16 kHz: 10 columns per second). */
  hopSamples: number;
  fftSize: number;
  bands: number;
  /** Top of the highest band, Hz (bands are mel-spaced from 0). */
  maxHz: number;
  /** Columns. */
  count: number;
  /** dB (0 = a full-scale sine) of level 0 and of level 255. */
  dbFloor: number;
  dbTop: number;
};

export type Spectrogram = SpectrogramInfo & {
  /** count × bands levels, column-major (band 0 = lowest), 0 (dbFloor or below) … 255 (dbTop). */
  levels: Uint8Array;
};

export function parseSpectrogram(bytes: Uint8Array, name = 'spectrogram'): Spectrogram {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = bytes.length >= 4 ? String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!) : '';
  if (bytes.length < SPECTROGRAM_HEADER_BYTES || magic !== SPECTROGRAM_MAGIC || v.getUint32(4, true) !== SPECTROGRAM_VERSION) {
    throw corrupt(name, 'bad header');
  }
  const info: SpectrogramInfo = {
    sampleRate: v.getUint32(8, true),
    hopSamples: v.getUint32(12, true),
    fftSize: v.getUint32(16, true),
    bands: v.getUint32(20, true),
    maxHz: v.getUint32(24, true),
    count: v.getUint32(28, true),
    dbFloor: v.getFloat32(32, true),
    dbTop: v.getFloat32(36, true),
  };
  if (info.sampleRate === 0 || info.hopSamples === 0 || info.bands === 0) throw corrupt(name, 'zero sample rate, hop or bands');
  const end = SPECTROGRAM_HEADER_BYTES + info.count * info.bands;
  if (bytes.length < end) throw corrupt(name, 'truncated');
  return { ...info, levels: bytes.slice(SPECTROGRAM_HEADER_BYTES, end) };
}

function corrupt(name: string, why: string): AppError {
  return new AppError(
    'UNSUPPORTED_MEDIA',
    `"${name}" is not a valid spectrogram file (${why}). Make it again from the audio's WAV with writeSpectrogramFile (re-run the ingest).`,
    { file: name, reason: why },
  );
}
