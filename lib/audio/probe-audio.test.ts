import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { probeAudio } from './probe-audio.ts';

const run = promisify(execFile);
let dir: string;

const ffmpeg = (...args: string[]) => run('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args]);
const sine = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3'];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-probe-'));
  const f = (name: string) => path.join(dir, name);
  await Promise.all([
    ffmpeg(...sine, '-ac', '2', '-ar', '44100', f('tone.mp3')),
    ffmpeg(...sine, '-ac', '2', '-c:a', 'libopus', '-b:a', '64k', f('tone.opus')),
    ffmpeg(...sine, '-ac', '1', '-ar', '22050', '-c:a', 'flac', f('tone.flac')),
    ffmpeg(...sine, '-ac', '2', '-ar', '48000', '-c:a', 'aac', '-b:a', '96k', f('tone.m4a')),
    ffmpeg(...sine, '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', f('tone.wav')),
    ffmpeg('-f', 'lavfi', '-i', 'color=c=black:s=16x16', '-frames:v', '1', f('picture.png')),
  ]);
  // Deterministic "random" bytes (LCG), so a failure can be reproduced.
  const noise = Buffer.alloc(64 * 1024);
  let x = 12345;
  for (let i = 0; i < noise.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    noise[i] = x >>> 24;
  }
  await writeFile(f('noise.mp3'), noise);
  // VBR with no Xing header, opening with 3 s of silence: ffprobe guesses 20 s from the first frames' bit rate
  await ffmpeg(
    '-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=mono:d=3', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=6:sample_rate=44100',
    '-filter_complex', '[0][1]concat=n=2:v=0:a=1', '-c:a', 'libmp3lame', '-q:a', '2', '-write_xing', '0', f('vbr-no-header.mp3'),
  );
  await writeFile(f('empty.mp3'), Buffer.alloc(0));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('probeAudio', () => {
  it('reads a 44.1 kHz stereo MP3', async () => {
    const p = await probeAudio(path.join(dir, 'tone.mp3'));
    expect(p.codec).toBe('mp3');
    expect(p.formatName).toBe('mp3');
    expect(p.channels).toBe(2);
    expect(p.sampleRate).toBe(44100);
    expect(p.durationSec).toBeGreaterThan(2.95);
    expect(p.durationSec).toBeLessThan(3.1);
    expect(p.bitRate).toBeGreaterThan(32_000);
  });

  it.each([
    ['tone.opus', 'opus', 'ogg', 2, 48000],
    ['tone.flac', 'flac', 'flac', 1, 22050],
    ['tone.m4a', 'aac', 'mov,mp4,m4a,3gp,3g2,mj2', 2, 48000],
    ['tone.wav', 'pcm_s16le', 'wav', 1, 16000],
  ])('reads %s', async (file, codec, formatName, channels, sampleRate) => {
    const p = await probeAudio(path.join(dir, file));
    expect(p).toMatchObject({ codec, formatName, channels, sampleRate });
    expect(p.durationSec).toBeGreaterThan(2.95);
    expect(p.durationSec).toBeLessThan(3.1);
  });

  it('says when the duration is only an estimate from the bit rate', async () => {
    const guessed = await probeAudio(path.join(dir, 'vbr-no-header.mp3'));
    expect(guessed.durationFromBitRate).toBe(true);
    expect(guessed.durationSec).toBeGreaterThan(12); // 9 s of audio
    expect((await probeAudio(path.join(dir, 'tone.mp3'))).durationFromBitRate).toBe(false);
    expect((await probeAudio(path.join(dir, 'tone.opus'))).durationFromBitRate).toBe(false);
  });

  it('gives the exact PCM bit rate of a WAV', async () => {
    const p = await probeAudio(path.join(dir, 'tone.wav'));
    expect(p.bitRate).toBe(256_000);
    expect(p.durationSec).toBeCloseTo(3, 6);
  });

  it.each(['noise.mp3', 'empty.mp3', 'picture.png', 'missing.mp3'])(
    'rejects %s as unsupported media, naming the file',
    async (file) => {
      const err = await probeAudio(path.join(dir, file)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('UNSUPPORTED_MEDIA');
      expect((err as AppError).message).toContain(`"${file}"`);
      expect((err as AppError).message).toContain('not a readable audio file');
      expect((err as AppError).message).toContain('mp3, ogg/opus, flac, wav, m4a');
    },
  );

  it('says why an image is rejected', async () => {
    await expect(probeAudio(path.join(dir, 'picture.png'))).rejects.toMatchObject({
      details: { reason: 'no audio stream' },
    });
  });

  it('names the upload by its display name, not the storage path', async () => {
    await expect(probeAudio(path.join(dir, 'noise.mp3'), 'Capítulo 01.mp3')).rejects.toThrow(
      /"Capítulo 01\.mp3" is not a readable audio file/,
    );
  });
});
