import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureLoudness } from './measure-loudness.ts';

const run = promisify(execFile);
const ffmpeg = (...args: string[]) => run('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args]);
let dir: string;
const f = (name: string) => path.join(dir, name);

// A 1 kHz sine with peak 0.1 (−20 dBFS): mean square −23.01 dB, K-weighting at 1 kHz ≈ +0.69 dB, BS.1770
// offset −0.691 → −23.0 LUFS mono; the same sine on both stereo channels adds their powers → −20.0 LUFS.
const SINE = '0.1*sin(2*PI*1000*t)';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-loud-'));
  await Promise.all([
    ffmpeg('-f', 'lavfi', '-i', `aevalsrc=${SINE}:s=48000:d=10`, '-c:a', 'pcm_s16le', f('sine-mono.wav')),
    ffmpeg('-f', 'lavfi', '-i', `aevalsrc=${SINE}:s=16000:d=10`, '-c:a', 'pcm_s16le', f('sine-16k.wav')),
    ffmpeg('-f', 'lavfi', '-i', `aevalsrc=${SINE}|${SINE}:s=44100:d=10`, '-c:a', 'flac', f('sine-stereo.flac')),
    ffmpeg('-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '3', '-c:a', 'pcm_s16le', f('silence.wav')),
    ffmpeg('-f', 'lavfi', '-i', `aevalsrc=${SINE}:s=16000:d=0.2`, '-c:a', 'pcm_s16le', f('blip.wav')),
  ]);
  await writeFile(f('garbage.mp3'), Buffer.from('no audio here '.repeat(100)));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('measureLoudness', () => {
  it.each(['sine-mono.wav', 'sine-16k.wav'])('reads a −20 dBFS 1 kHz sine (%s) as −23 LUFS', async (file) => {
    const l = await measureLoudness(f(file));
    expect(l.integratedLufs).not.toBeNull();
    expect(Math.abs(l.integratedLufs! - -23.0)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(l.truePeakDb! - -20.0)).toBeLessThanOrEqual(0.3);
    expect(l.loudnessRange).not.toBeNull();
    expect(l.loudnessRange!).toBeLessThan(1); // a steady tone has no loudness range
  });

  it('adds the power of both stereo channels (+3 dB)', async () => {
    const l = await measureLoudness(f('sine-stereo.flac'));
    expect(Math.abs(l.integratedLufs! - -20.0)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(l.truePeakDb! - -20.0)).toBeLessThanOrEqual(0.3);
  });

  it('returns nulls for digital silence', async () => {
    expect(await measureLoudness(f('silence.wav'))).toEqual({
      integratedLufs: null,
      truePeakDb: null,
      loudnessRange: null,
    });
  });

  it('has no integrated loudness for audio shorter than one 400 ms gating block, but a peak', async () => {
    const l = await measureLoudness(f('blip.wav'));
    expect(l.integratedLufs).toBeNull();
    expect(l.loudnessRange).toBeNull();
    expect(Math.abs(l.truePeakDb! - -20.0)).toBeLessThanOrEqual(0.3);
  });

  it('rejects an unreadable file naming it', async () => {
    await expect(measureLoudness(f('garbage.mp3'))).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA',
      message: expect.stringContaining('"garbage.mp3"'),
    });
  });
});
