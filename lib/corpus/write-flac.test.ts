import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFlac } from './write-flac.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-flac-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function decode(file: string): { samples: Int16Array; probe: string } {
  const pcm = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 's16le', '-c:a', 'pcm_s16le', 'pipe:1'], { maxBuffer: 1 << 26 });
  const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,sample_rate,channels', '-of', 'csv=p=0', file]);
  const b = Buffer.from(pcm.stdout);
  return { samples: new Int16Array(b.buffer, b.byteOffset, b.length / 2), probe: probe.stdout.toString().trim() };
}

describe('writeFlac', () => {
  it('encodes losslessly at 16 kHz mono, deterministically, leaving no temp file', async () => {
    let s = 7;
    const samples = Int16Array.from({ length: 16_000 * 2 + 123 }, (_, i) => {
      s = (s * 1103515245 + 12345) >>> 0;
      return Math.round(8000 * Math.sin(i / 9)) + ((s >>> 20) - 2048);
    });
    const a = path.join(dir, '1-2-0000.flac');
    const b = path.join(dir, '1-2-0001.flac');
    const info = await writeFlac(samples.subarray(3), a);
    await writeFlac(samples.subarray(3), b);
    const { samples: back, probe } = decode(a);
    expect(probe).toBe('flac,16000,1');
    expect(Array.from(back)).toEqual(Array.from(samples.subarray(3)));
    expect(info.bytes).toBe((await readFile(a)).length);
    expect((await readFile(a)).equals(await readFile(b))).toBe(true);
    expect((await readdir(dir)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('rejects when aborted and leaves nothing behind', async () => {
    const target = path.join(dir, 'aborted.flac');
    const ctl = new AbortController();
    const p = writeFlac(new Int16Array(16_000 * 60), target, { signal: ctl.signal });
    ctl.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
    expect((await readdir(dir)).filter((f) => f.startsWith('aborted'))).toEqual([]);
  });
});
