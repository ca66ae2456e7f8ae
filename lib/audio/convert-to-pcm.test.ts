import { readdirSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { convertToPcm } from './convert-to-pcm.ts';
import { openWav, streamWavSamples } from './wav-reader.ts';

const run = promisify(execFile);
const ffmpeg = (...args: string[]) => run('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args]);
let dir: string;
const f = (name: string) => path.join(dir, name);

/** Temp files of a target: `<target>.<pid>-<id>.part`. */
const partsOf = (target: string) =>
  readdirSync(path.dirname(target)).filter((n) => n.startsWith(`${path.basename(target)}.`) && n.endsWith('.part'));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-pcm-'));
  await Promise.all([
    ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-ac', '2', '-ar', '44100', f('tone.mp3')),
    // Identical half-scale channels: the downmix must average them, not sum them into clipping.
    ffmpeg('-f', 'lavfi', '-i', 'aevalsrc=0.5*sin(2*PI*440*t)|0.5*sin(2*PI*440*t):s=44100:d=2', f('stereo.flac')),
    ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=300:duration=20', '-ar', '48000', '-c:a', 'libopus', f('long.opus')),
  ]);
  await writeFile(f('broken.mp3'), Buffer.from('definitely not an mp3 '.repeat(500)));
  // the first 5 % of a 6 s MP3: its header still declares 6.06 s, ffmpeg decodes 0.24 s without an error
  await ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=440:duration=6', '-ar', '22050', '-b:a', '64k', f('whole.mp3'));
  const whole = await readFile(f('whole.mp3'));
  await writeFile(f('truncated.mp3'), whole.subarray(0, Math.round(whole.length * 0.05)));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function peakOf(file: string): Promise<number> {
  let peak = 0;
  for await (const c of streamWavSamples(file)) for (const s of c) peak = Math.max(peak, Math.abs(s));
  return peak;
}

describe('convertToPcm', () => {
  it('turns a 44.1 kHz stereo MP3 into 16 kHz mono 16-bit PCM of the same length', async () => {
    const { samples } = await convertToPcm(f('tone.mp3'), f('tone.wav'));
    const info = await openWav(f('tone.wav'));
    expect(info).toMatchObject({ sampleRate: 16000, channels: 1, bitsPerSample: 16, audioFormat: 1 });
    expect(info.samples).toBe(samples);
    // 3 s; allow one MP3 frame (1152 samples at 44.1 kHz ≈ 418 at 16 kHz) of encoder delay/padding.
    expect(Math.abs(samples - 48000)).toBeLessThanOrEqual(418);
    expect(partsOf(f('tone.wav')).length).toBe(0);
  });

  it('is sample exact for lossless input and averages stereo channels', async () => {
    const { samples } = await convertToPcm(f('stereo.flac'), f('stereo.wav'));
    expect(samples).toBe(32000);
    const peak = await peakOf(f('stereo.wav'));
    expect(peak / 32768).toBeGreaterThan(0.48);
    expect(peak / 32768).toBeLessThan(0.52);
  });

  it('reports progress up to 1, never going backwards', async () => {
    const seen: number[] = [];
    await convertToPcm(f('long.opus'), f('long.wav'), { onProgress: (p) => seen.push(p) });
    // Before the final 1 that convertToPcm adds itself, ffmpeg's own -progress reports must get near the end.
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.slice(0, -1).some((p) => p >= 0.9)).toBe(true);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= seen[i - 1]!))).toBe(true);
  });

  it('cancels, instead of crashing, when the progress callback throws', async () => {
    const boom = new Error('progress sink gone');
    await expect(
      convertToPcm(f('long.opus'), f('boom.wav'), {
        durationSec: 20,
        onProgress: () => {
          throw boom;
        },
      }),
    ).rejects.toBe(boom);
    expect(existsSync(f('boom.wav'))).toBe(false);
    expect(partsOf(f('boom.wav')).length).toBe(0);
  });

  it('rejects undecodable input naming the file, leaving no output', async () => {
    const err = await convertToPcm(f('broken.mp3'), f('broken.wav'), { durationSec: 3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UNSUPPORTED_MEDIA');
    expect((err as AppError).message).toContain('"broken.mp3"');
    expect(existsSync(f('broken.wav'))).toBe(false);
    expect(partsOf(f('broken.wav')).length).toBe(0);
  });

  it('rejects a truncated file that decodes to a fraction of its declared duration, leaving no output', async () => {
    const err = await convertToPcm(f('truncated.mp3'), f('truncated.wav'), {
      declaredDurationSec: 6.06,
      displayName: 'Capítulo 01.mp3',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'INVALID_INPUT', details: { file: 'Capítulo 01.mp3', declaredSec: 6.06 } });
    expect((err as AppError).message).toMatch(/^"Capítulo 01\.mp3": only 0\.\d s of its declared 6\.1 s decode — the file is truncated/);
    expect(existsSync(f('truncated.wav'))).toBe(false);
    expect(partsOf(f('truncated.wav')).length).toBe(0);
    // without a declared duration it is what it is: 0.2 s of audio
    const { samples } = await convertToPcm(f('truncated.mp3'), f('truncated.wav'));
    expect(samples / 16000).toBeLessThan(0.5);
  });

  it('accepts the whole file against its declared duration', async () => {
    const { samples } = await convertToPcm(f('whole.mp3'), f('whole.wav'), { declaredDurationSec: 6.06 });
    expect(Math.abs(samples / 16000 - 6)).toBeLessThan(0.1);
  });

  it('does not start when already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(convertToPcm(f('tone.mp3'), f('never.wav'), { signal: ac.signal })).rejects.toThrow();
    expect(partsOf(f('never.wav')).length).toBe(0);
  });

  it('abort kills a running ffmpeg and removes the .part file', async () => {
    // A FIFO fed 10 s of audio (more than ffmpeg's 5 s stream analysis) and then held open: ffmpeg writes
    // the .part, then blocks waiting for more.
    const fifo = f('stall.wav');
    await run('mkfifo', [fifo]);
    const feeder = createWriteStream(fifo);
    feeder.on('error', () => undefined); // EPIPE once ffmpeg is killed
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'latin1');
    header.writeUInt32LE(0xffffffff, 4);
    header.write('WAVEfmt ', 8, 'latin1');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(16000, 24);
    header.writeUInt32LE(32000, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36, 'latin1');
    header.writeUInt32LE(0xffffffff, 40);
    feeder.write(header);
    feeder.write(Buffer.alloc(320_000));

    const out = f('stall-out.wav');
    const ac = new AbortController();
    const job = convertToPcm(fifo, out, { durationSec: 60, signal: ac.signal });
    const rejected = job.catch((e: unknown) => e);
    for (let i = 0; i < 200 && partsOf(out).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(partsOf(out)).toHaveLength(1);

    ac.abort(new Error('user cancelled'));
    const err = await rejected;
    feeder.destroy();
    expect((err as Error).message).toBe('user cancelled');
    expect(partsOf(out)).toHaveLength(0);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves nothing but finished files behind', async () => {
    const names = await readdir(dir);
    expect(names.filter((n) => n.endsWith('.part'))).toEqual([]);
  });
});

describe('convertToPcm determinism', () => {
  it('gives byte-identical PCM for the same input on repeated runs (espeak-ng 22.05 kHz speech)', async () => {
    const { synthesizeSpeech } = await import('./synthesize-speech.ts');
    const { createHash } = await import('node:crypto');
    const { readFile } = await import('node:fs/promises');
    const src = f('speech-22k.wav');
    await synthesizeSpeech('Hola, esta es una prueba del conversor con una frase bastante larga para ver si cambia.', src);
    const hashes = new Set<string>();
    for (let i = 0; i < 3; i++) {
      await convertToPcm(src, f(`det-${i}.wav`));
      hashes.add(createHash('sha256').update(await readFile(f(`det-${i}.wav`))).digest('hex'));
    }
    expect(hashes.size).toBe(1);
  });
});
