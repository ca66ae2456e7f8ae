import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWav, streamWavSamples } from '../audio/wav-reader.ts';
import { streamSyntheticTrack, synthesizeFragments, voiceForLanguage } from './synthesize-fragments.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-synth-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function samples(file: string): Promise<Int16Array> {
  const parts: Int16Array[] = [];
  for await (const c of streamWavSamples(file)) parts.push(Int16Array.from(c));
  const out = new Int16Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The lag (samples, ±maxLag) at which `y` best matches `x` starting at `at`. */
function bestLag(x: Int16Array, at: number, y: Int16Array, maxLag: number): number {
  let best = -Infinity;
  let lag = 0;
  for (let l = -maxLag; l <= maxLag; l++) {
    let s = 0;
    for (let i = 0; i < y.length; i++) s += (x[at + l + i] ?? 0) * y[i]!;
    if (s > best) {
      best = s;
      lag = l;
    }
  }
  return lag;
}

describe('synthesizeFragments', () => {
  const texts = ['Primera frase del capítulo.', '¡…!', 'Segunda frase, un poco más larga que la primera.', 'Fin.'];

  it('streamSyntheticTrack hands onSamples the very samples the file holds, in order, with its spans and duration, and writes no file', async () => {
    const cache = path.join(dir, 'cache-streamed');
    const file = await synthesizeFragments(texts, path.join(dir, 'ref.wav'), { language: 'spa', cacheDir: cache });
    const seen: Int16Array[] = [];
    const before = (await readdir(dir)).sort();
    const track = await streamSyntheticTrack(texts, { language: 'spa', cacheDir: cache, onSamples: (s) => seen.push(Int16Array.from(s)) });
    expect((await readdir(dir)).sort()).toEqual(before);
    const streamed = Buffer.concat(seen.map((s) => Buffer.from(s.buffer, s.byteOffset, s.byteLength)));
    const stored = await samples(file.wav);
    expect(streamed.length).toBe(stored.byteLength);
    expect(streamed.equals(Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength))).toBe(true);
    expect(track).toEqual({ sampleRate: file.sampleRate, durationSec: file.durationSec, fragments: file.fragments, synthesized: 0 });
  });

  it('speaks each fragment, caches it and records where each lies in the 16 kHz track', async () => {
    const cache = path.join(dir, 'cache');
    const track = await synthesizeFragments(texts, path.join(dir, 'a.wav'), { language: 'spa', cacheDir: cache });
    expect(track.synthesized).toBe(3);
    expect(track.sampleRate).toBe(16_000);
    const info = await openWav(track.wav);
    expect(info).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16 });
    const [a, b, c, d] = track.fragments;
    expect(a!.begin).toBe(0);
    expect(b!.begin).toBe(b!.end); // nothing speakable
    expect(c!.begin).toBe(a!.end);
    expect(c!.end - c!.begin).toBeGreaterThan(a!.end - a!.begin);
    expect(Math.abs(d!.end - track.durationSec)).toBeLessThan(1 / 16_000 + 1e-9);

    // Timing survives the resampling: the onset of fragment 3 is where the 22 050 Hz cache file says.
    const x = await samples(track.wav);
    const cached = (await readdir(cache)).filter((n) => n.endsWith('.wav'));
    expect(cached).toHaveLength(3);
    const again = await synthesizeFragments(texts.slice(2, 3), path.join(dir, 'c.wav'), { language: 'spa', cacheDir: cache });
    expect(again.synthesized).toBe(0);
    const solo = await samples(again.wav);
    expect(Math.abs(bestLag(x, Math.round(c!.begin * 16_000), solo, 160))).toBeLessThanOrEqual(1);
  });

  it('gives the same track byte for byte from a cold and a warm cache', async () => {
    const cache = path.join(dir, 'cache2');
    const a = await synthesizeFragments(texts, path.join(dir, 'd1.wav'), { cacheDir: cache });
    const b = await synthesizeFragments(texts, path.join(dir, 'd2.wav'), { cacheDir: cache });
    expect(a.synthesized).toBe(3);
    expect(b.synthesized).toBe(0);
    expect(Buffer.compare(await readFile(a.wav), await readFile(b.wav))).toBe(0);
    expect(b.fragments).toEqual(a.fragments);
  });

  it('maps languages to espeak-ng voices', () => {
    expect(voiceForLanguage('spa')).toBe('es');
    expect(voiceForLanguage('eng')).toBe('en');
    expect(voiceForLanguage(undefined)).toBe('es');
    expect(voiceForLanguage('es-419')).toBe('es-419');
  });

  it('refuses fragments with nothing to say', async () => {
    await expect(synthesizeFragments(['...', '¿?'], path.join(dir, 'x.wav'), { cacheDir: dir })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
