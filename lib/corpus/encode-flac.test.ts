import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFlac } from './encode-flac.ts';

const run = promisify(execFile);
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'alinea-flac-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Decodes with ffmpeg, failing on any CRC or bitstream error. */
async function decode(flac: Uint8Array, name: string): Promise<Int16Array> {
  const file = path.join(dir, `${name}.flac`);
  await writeFile(file, flac);
  const { stdout } = await run(
    'ffmpeg',
    ['-v', 'error', '-err_detect', 'crccheck+bitstream+buffer+explode', '-xerror', '-i', file, '-f', 's16le', '-ac', '1', 'pipe:1'],
    { encoding: 'buffer', maxBuffer: 1 << 28 },
  );
  return new Int16Array(stdout.buffer.slice(stdout.byteOffset, stdout.byteOffset + stdout.byteLength));
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32);
}

function signal(n: number, seed: number): Int16Array {
  const r = rng(seed);
  const x = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / 16000;
    const v = 8000 * Math.sin(2 * Math.PI * 220 * t) + 3000 * Math.sin(2 * Math.PI * 1375 * t) + (r() - 0.5) * 400;
    x[i] = Math.max(-32768, Math.min(32767, Math.round(v)));
  }
  return x;
}

describe('encodeFlac', () => {
  const cases: [string, Int16Array][] = [
    ['speechlike', signal(16000 * 3 + 123, 1)],
    ['white-noise full scale', Int16Array.from({ length: 10000 }, (_, i) => ((i * 2654435761) >>> 16) - 32768)],
    ['extremes', Int16Array.from({ length: 9000 }, (_, i) => (i % 2 ? 32767 : -32768))],
    ['silence', new Int16Array(8192 + 17)],
    ['one sample', Int16Array.of(-5)],
    ['two samples', Int16Array.of(100, -100)],
    ['exactly one block', signal(4096, 2)],
    ['block + 1', signal(4097, 3)],
    ['short odd', signal(301, 4)],
    ['ramp', Int16Array.from({ length: 50000 }, (_, i) => (i % 65536) - 32768)],
  ];
  for (const [name, samples] of cases) {
    it(`round-trips ${name} through ffmpeg's decoder`, async () => {
      const flac = encodeFlac(samples);
      const back = await decode(flac, name.replace(/\W/g, '_'));
      expect(back.length).toBe(samples.length);
      expect(Buffer.from(back.buffer).equals(Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength))).toBe(true);
    });
  }

  it('compresses speech-like audio and writes STREAMINFO (rate, samples, MD5)', async () => {
    const x = signal(16000 * 5, 9);
    const flac = encodeFlac(x);
    expect(flac.length).toBeLessThan(x.byteLength * 0.75); // ffmpeg -compression_level 5: 0.70
    const file = path.join(dir, 'probe.flac');
    await writeFile(file, flac);
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', file]);
    const s = JSON.parse(stdout).streams[0];
    expect(s.codec_name).toBe('flac');
    expect(Number(s.sample_rate)).toBe(16000);
    expect(s.channels).toBe(1);
    expect(Number(s.duration_ts)).toBe(x.length);
    const { createHash } = await import('node:crypto');
    const md5 = createHash('md5').update(Buffer.from(x.buffer)).digest();
    expect(Buffer.from(flac.subarray(8 + 18, 8 + 34)).equals(md5)).toBe(true);
  });

  it('is deterministic', () => {
    const x = signal(20000, 5);
    expect(Buffer.from(encodeFlac(x)).equals(Buffer.from(encodeFlac(x)))).toBe(true);
  });
});
