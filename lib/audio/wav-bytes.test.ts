import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { openWav, streamWavSamples } from './wav-reader.ts';
import { parseWavBytes, wavBytes } from './wav-bytes.ts';

describe('wavBytes', () => {
  it('writes the canonical 44-byte header', () => {
    const b = Buffer.from(wavBytes(Int16Array.of(1, -1, 32767, -32768)));
    expect(b.length).toBe(44 + 8);
    expect(b.subarray(0, 44).toString('hex')).toBe(
      '52494646' + '2c000000' + '57415645' + '666d7420' + '10000000' + '0100' + '0100' + '803e0000' + '007d0000' +
        '0200' + '1000' + '64617461' + '08000000',
    );
    expect(b.subarray(44).toString('hex')).toBe('0100' + 'ffff' + 'ff7f' + '0080');
  });

  it('is read by the app’s own WAV reader, sample for sample', async () => {
    const samples = Int16Array.from({ length: 40_001 }, (_, i) => Math.round(20_000 * Math.sin(i / 7)));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-wavbytes-'));
    try {
      const file = path.join(dir, 'x.wav');
      await writeFile(file, wavBytes(samples.subarray(1), 16_000)); // a view at an odd offset
      const info = await openWav(file);
      expect(info).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16, samples: 40_000, dataOffset: 44 });
      const back: number[] = [];
      for await (const c of streamWavSamples(file)) back.push(...c);
      expect(back).toEqual(Array.from(samples.subarray(1)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('round-trips through parseWavBytes, and rejects other formats', () => {
    const samples = Int16Array.of(5, -6, 7);
    expect(parseWavBytes(wavBytes(samples, 8000))).toEqual({ samples, sampleRate: 8000 });
    const stereo = wavBytes(samples);
    stereo[22] = 2;
    expect(() => parseWavBytes(stereo)).toThrow(AppError);
    expect(() => parseWavBytes(wavBytes(samples).subarray(0, 46))).toThrow(/truncated/);
    expect(() => wavBytes(samples, 0)).toThrow(AppError);
  });
});
