import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToPcm } from '../audio/convert-to-pcm.ts';
import { AppError } from '../errors/app-error.ts';
import { realEsRecordings } from '../testing/real-es-fixture.ts';
import { realFeatures } from './real-features.ts';

let dir: string;
let wav: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-real-features-'));
  wav = path.join(dir, 'fleurs.wav');
  await convertToPcm(realEsRecordings().find((r) => r.name === 'fleurs')!.audio, wav);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('realFeatures', () => {
  it('gives the same MFCCs and frame energies on a worker thread as on this one', async () => {
    const input = { file: wav, startSec: 5, endSec: 80, shiftSec: 0.04 };
    const here = await realFeatures(input, { thread: false });
    const there = await realFeatures(input, { thread: true });
    expect(there.mfcc.frames).toBe(here.mfcc.frames);
    expect(here.mfcc.frames).toBe(Math.ceil((75 * 16_000) / 640));
    expect(Array.from(there.mfcc.data)).toEqual(Array.from(here.mfcc.data));
    expect(Array.from(there.levels)).toEqual(Array.from(here.levels));
    expect(there.frameSec).toBe(0.01);
  });

  it('stops the thread when aborted, rejecting with the reason', async () => {
    const stop = new AbortController();
    const p = realFeatures({ file: wav, startSec: 0, endSec: 88, shiftSec: 0.04 }, { thread: true, signal: stop.signal });
    stop.abort(new Error('stopped by the test'));
    await expect(p).rejects.toThrow('stopped by the test');
  });

  it('passes a domain error from the thread on as the same AppError', async () => {
    const bad = path.join(dir, 'not.wav');
    await writeFile(bad, Buffer.alloc(100, 1));
    const err = await realFeatures({ file: bad, startSec: 0, endSec: 200, shiftSec: 0.04 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UNSUPPORTED_MEDIA');
    expect((err as AppError).message).toContain('not.wav');
  });
});
