import { open } from 'node:fs/promises';
import path from 'node:path';
import { Fft } from './fft.ts';
import { openWav, streamWavSamples } from '../audio/wav-reader.ts';
import { publishAtomic } from '../storage/write-file-atomic.ts';
import { parseSpectrogram, SPECTROGRAM_HEADER_BYTES, SPECTROGRAM_MAGIC, SPECTROGRAM_VERSION, type Spectrogram, type SpectrogramInfo } from './parse-spectrogram.ts';

// A low-resolution spectrogram of a whole audio file, computed once at ingest so the editor can show one at any
// zoom without reading the audio. File layout, little-endian:
//   "ALSG", u32 version, u32 sampleRate, u32 hopSamples (one column), u32 fftSize, u32 bands, u32 maxHz,
//   u32 count (columns), f32 dbFloor, f32 dbTop,
//   then count × bands × u8 (column-major, band 0 = lowest): 0 = dbFloor or below, 255 = dbTop or above.
// Each column averages the power of 5 Hann-windowed frames (512 samples, every 20 ms) over its 100 ms; bands are
// mel-spaced from 0 to maxHz, each the mean power of the FFT bins inside it (a band narrower than a bin, at the low
// end, takes the power interpolated at its centre). dB are relative to a full-scale sine (0 dB). At 16 kHz: 10
// columns/s × 64 bytes = 640 bytes per second of audio.
const FFT_SIZE = 512;
const COLUMN_SEC = 0.1;
const FRAMES_PER_COLUMN = 5;
const BANDS = 64;
const MAX_HZ = 8000;
const DB_FLOOR = -120;
const DB_TOP = 0;
const IO_COLUMNS = 4096; // columns buffered per write (256 KiB)

const melOf = (hz: number) => 2595 * Math.log10(1 + hz / 700);
const hzOf = (mel: number) => 700 * (10 ** (mel / 2595) - 1);

/** The band edges in Hz (bands + 1 values, 0 … maxHz, mel-spaced). */
export function spectrogramBandEdges(bands = BANDS, maxHz = MAX_HZ): number[] {
  const top = melOf(maxHz);
  return Array.from({ length: bands + 1 }, (_, i) => hzOf((top * i) / bands));
}

/**
 * Computes the low-resolution spectrogram of a 16-bit WAV in one streamed pass (memory bounded by the read chunk,
 * whatever the length), written to `outPath.part`, then renamed.
 */
export async function writeSpectrogramFile(wavPath: string, outPath: string): Promise<SpectrogramInfo> {
  const wav = await openWav(wavPath);
  const { sampleRate, channels } = wav;
  const hop = Math.round(sampleRate * COLUMN_SEC);
  const frameStep = hop / FRAMES_PER_COLUMN;
  const maxHz = Math.min(MAX_HZ, sampleRate / 2);
  const bins = FFT_SIZE / 2 + 1;
  const binHz = sampleRate / FFT_SIZE;
  const edges = spectrogramBandEdges(BANDS, maxHz);
  // per band: [firstBin, lastBin) or, when empty, the fractional bin of its centre
  const bandBins = Array.from({ length: BANDS }, (_, b) => {
    const first = Math.ceil(edges[b]! / binHz);
    const last = Math.min(bins, Math.ceil(edges[b + 1]! / binHz));
    return { first, last, centre: (edges[b]! + edges[b + 1]!) / 2 / binHz };
  });
  const window = Float64Array.from({ length: FFT_SIZE }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / FFT_SIZE));
  // a full-scale sine's peak bin: (Σw / 2)²
  const norm = (FFT_SIZE / 4) ** 2;
  const fft = new Fft(FFT_SIZE);
  const frame = new Float64Array(FFT_SIZE);
  const power = new Float64Array(bins);
  const sum = new Float64Array(bins);
  const count = Math.ceil(wav.samples / hop);
  // Column c reads samples [c·hop + frameStep/2 − FFT/2, (c+1)·hop − frameStep/2 + FFT/2); `buf` holds the samples
  // from `bufStart` on (mono), never more than a chunk plus one column's reach.
  const before = FFT_SIZE / 2 - frameStep / 2;
  let buf = new Float32Array(0);
  let bufStart = 0;
  let bufLen = 0;

  return publishAtomic(outPath, async (part) => {
    const fh = await open(part, 'w');
    try {
      const header = Buffer.alloc(SPECTROGRAM_HEADER_BYTES);
      header.write(SPECTROGRAM_MAGIC, 0, 'latin1');
      header.writeUInt32LE(SPECTROGRAM_VERSION, 4);
      header.writeUInt32LE(sampleRate, 8);
      header.writeUInt32LE(hop, 12);
      header.writeUInt32LE(FFT_SIZE, 16);
      header.writeUInt32LE(BANDS, 20);
      header.writeUInt32LE(Math.round(maxHz), 24);
      header.writeUInt32LE(count, 28);
      header.writeFloatLE(DB_FLOOR, 32);
      header.writeFloatLE(DB_TOP, 36);
      await fh.write(header, 0, SPECTROGRAM_HEADER_BYTES, 0);

      const out = Buffer.alloc(IO_COLUMNS * BANDS);
      let outColumns = 0;
      let filePos = SPECTROGRAM_HEADER_BYTES;
      let column = 0;
      const flush = async () => {
        await fh.write(out, 0, outColumns * BANDS, filePos);
        filePos += outColumns * BANDS;
        outColumns = 0;
      };
      const sampleAt = (t: number) => (t < 0 || t >= wav.samples ? 0 : buf[t - bufStart]!);
      const emitColumn = () => {
        sum.fill(0);
        for (let k = 0; k < FRAMES_PER_COLUMN; k++) {
          const from = Math.round(column * hop + (k + 0.5) * frameStep - FFT_SIZE / 2);
          for (let i = 0; i < FFT_SIZE; i++) frame[i] = sampleAt(from + i) * window[i]!;
          fft.powerSpectrum(frame, power);
          for (let j = 0; j < bins; j++) sum[j]! += power[j]!;
        }
        const o = outColumns * BANDS;
        for (let b = 0; b < BANDS; b++) {
          const { first, last, centre } = bandBins[b]!;
          let p: number;
          if (last > first) {
            p = 0;
            for (let j = first; j < last; j++) p += sum[j]!;
            p /= last - first;
          } else {
            const j = Math.min(bins - 2, Math.floor(centre));
            const f = centre - j;
            p = sum[j]! * (1 - f) + sum[j + 1]! * f;
          }
          const db = 10 * Math.log10(p / FRAMES_PER_COLUMN / norm + 1e-30);
          out[o + b] = Math.max(0, Math.min(255, Math.round(((db - DB_FLOOR) / (DB_TOP - DB_FLOOR)) * 255)));
        }
        outColumns++;
        column++;
      };
      // the last sample column c needs (exclusive)
      const reach = (c: number) => Math.min(wav.samples, Math.ceil((c + 1) * hop + before));

      for await (const chunk of streamWavSamples(wavPath, { chunkSamples: 1 << 16 })) {
        const frames = chunk.length / channels;
        if (bufLen + frames > buf.length) {
          const grown = new Float32Array(bufLen + frames);
          grown.set(buf.subarray(0, bufLen));
          buf = grown;
        }
        for (let i = 0; i < frames; i++) {
          let s = 0;
          for (let ch = 0; ch < channels; ch++) s += chunk[i * channels + ch]!;
          buf[bufLen + i] = s / channels / 32768;
        }
        bufLen += frames;
        while (column < count && reach(column) <= bufStart + bufLen) {
          emitColumn();
          if (outColumns === IO_COLUMNS) await flush();
        }
        // keep only what the next column reads
        const keepFrom = Math.max(bufStart, Math.floor(column * hop - before) - 1);
        const drop = Math.min(bufLen, keepFrom - bufStart);
        if (drop > 0) {
          buf.copyWithin(0, drop, bufLen);
          bufLen -= drop;
          bufStart += drop;
        }
      }
      while (column < count) {
        emitColumn();
        if (outColumns === IO_COLUMNS) await flush();
      }
      await flush();
      await fh.close();
      return { sampleRate, hopSamples: hop, fftSize: FFT_SIZE, bands: BANDS, maxHz: Math.round(maxHz), count, dbFloor: DB_FLOOR, dbTop: DB_TOP };
    } catch (err) {
      await fh.close().catch(() => undefined);
      throw err;
    }
  });
}

/** Reads a spectrogram file written by writeSpectrogramFile. */
export async function readSpectrogramFile(file: string): Promise<Spectrogram> {
  const fh = await open(file, 'r');
  try {
    return parseSpectrogram(await fh.readFile(), path.basename(file));
  } finally {
    await fh.close();
  }
}
