import { readdirSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { isInterruptedError } from '../errors/interrupted-error.ts';
import { synthesizeSpeech } from './synthesize-speech.ts';
import { openWav } from './wav-reader.ts';

let dir: string;
const f = (name: string) => path.join(dir, name);

/** Temp files of a target: `<target>.<pid>-<id>.part`. */
const partsOf = (target: string) =>
  readdirSync(path.dirname(target)).filter((n) => n.startsWith(`${path.basename(target)}.`) && n.endsWith('.part'));
const TEXT = 'En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha mucho tiempo que vivía un hidalgo.';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-tts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function seconds(file: string): Promise<number> {
  const info = await openWav(file);
  return info.samples / info.sampleRate;
}

/** espeak-ng processes writing under `target` (its temp name is on the command line). */
function espeakFor(target: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', `espeak-ng .*${path.basename(target)}`], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function waitForEspeak(target: string): Promise<number> {
  for (let i = 0; i < 500; i++) {
    const [pid] = espeakFor(target);
    if (pid) return pid;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('espeak-ng did not start');
}

describe('synthesizeSpeech', () => {
  it('reports an espeak-ng ended by a signal as interrupted, not as a bad voice, and leaves no temp file', async () => {
    const target = f('killed.wav');
    const speaking = synthesizeSpeech(TEXT.repeat(300), target).catch((e: unknown) => e);
    process.kill(await waitForEspeak(target), 'SIGTERM');
    const err = await speaking;
    expect(isInterruptedError(err)).toBe(true);
    expect((err as Error).message).toMatch(/espeak-ng was interrupted \(ended by SIGTERM\)/);
    expect((err as Error).message).not.toMatch(/voice/);
    expect(existsSync(target)).toBe(false);
    expect(partsOf(target)).toEqual([]);
  });

  it('ends espeak-ng on abort, rejects with the reason and leaves no temp file', async () => {
    const target = f('aborted.wav');
    const controller = new AbortController();
    const speaking = synthesizeSpeech(TEXT.repeat(300), target, { signal: controller.signal }).catch((e: unknown) => e);
    await waitForEspeak(target);
    const reason = new Error('stop');
    controller.abort(reason);
    expect(await speaking).toBe(reason);
    expect(espeakFor(target)).toEqual([]);
    expect(partsOf(target)).toEqual([]);
  });

  it('speaks Spanish into a 22 050 Hz mono 16-bit WAV', async () => {
    await synthesizeSpeech(TEXT, f('quijote.wav'));
    const info = await openWav(f('quijote.wav'));
    expect(info).toMatchObject({ sampleRate: 22050, channels: 1, bitsPerSample: 16 });
    expect(info.samples / info.sampleRate).toBeGreaterThan(0.5);
    expect(partsOf(f('quijote.wav')).length).toBe(0);
  });

  it('speaks faster at more words per minute', async () => {
    await synthesizeSpeech(TEXT, f('slow.wav'), { wordsPerMinute: 120 });
    await synthesizeSpeech(TEXT, f('fast.wav'), { wordsPerMinute: 320, pitch: 70 });
    expect(await seconds(f('fast.wav'))).toBeLessThan((await seconds(f('slow.wav'))) * 0.7);
  });

  it('reads SSML markup as markup when asked: a break is silence, not words', async () => {
    await synthesizeSpeech('hola amigo. que tal estas', f('plain.wav'));
    await synthesizeSpeech('hola amigo. <break time="700ms"/> que tal estas', f('ssml.wav'), { ssml: true });
    const extra = (await seconds(f('ssml.wav'))) - (await seconds(f('plain.wav')));
    expect(extra).toBeGreaterThan(0.5);
    expect(extra).toBeLessThan(0.9);
  });

  it('treats text that looks like an option as text', async () => {
    await synthesizeSpeech('-v en --help hola', f('dash.wav'));
    expect(await seconds(f('dash.wav'))).toBeGreaterThan(0.3);
  });

  it('rejects an unknown voice, empty text and out-of-range settings without leaving files', async () => {
    await expect(synthesizeSpeech('hola', f('x.wav'), { voice: 'zz-nope' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('zz-nope'),
    });
    await expect(synthesizeSpeech('   ', f('x.wav'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(synthesizeSpeech('hola', f('x.wav'), { wordsPerMinute: 5 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(synthesizeSpeech('hola', f('x.wav'), { voice: 'es; rm -rf /' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect((await readdir(dir)).filter((n) => n.startsWith('x.wav'))).toEqual([]);
  });
});
