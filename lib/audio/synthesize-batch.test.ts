import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWav } from './wav-reader.ts';
import { splitAtZeroRuns, ssmlEscape, synthesizeBatch } from './synthesize-batch.ts';
import { synthesizeSpeech } from './synthesize-speech.ts';

describe('splitAtZeroRuns', () => {
  it('cuts at zero runs of at least the given length, not at shorter ones, and drops the outer zeros', () => {
    const x = Int16Array.from([0, 0, 5, 0, 0, 7, 1, 0, 0, 0, 0, 3, 0, 2, 0, 0, 0, 0, 0]);
    expect(splitAtZeroRuns(x, 4)).toEqual([
      [2, 7],
      [11, 14],
    ]);
    expect(splitAtZeroRuns(x, 2)).toEqual([
      [2, 3],
      [5, 7],
      [11, 14],
    ]);
  });
  it('gives what a test of every sample gives, on random runs of zeros and speech', () => {
    const reference = (x: Int16Array, minRun: number): [number, number][] => {
      const out: [number, number][] = [];
      let begin = -1;
      let last = -1;
      let zeros = 0;
      for (let i = 0; i < x.length; i++) {
        if (x[i] === 0) {
          zeros++;
          continue;
        }
        if (begin < 0) begin = i;
        else if (zeros >= minRun) {
          out.push([begin, last + 1]);
          begin = i;
        }
        zeros = 0;
        last = i;
      }
      if (begin >= 0) out.push([begin, last + 1]);
      return out;
    };
    let s = 17;
    const r = (k: number) => ((s = (s * 1103515245 + 12345) >>> 0) % k);
    for (let trial = 0; trial < 50; trial++) {
      const parts: number[] = [];
      while (parts.length < 400) {
        const zero = r(2) === 0;
        const len = r(12);
        for (let k = 0; k < len; k++) parts.push(zero ? 0 : 1 + r(200));
      }
      const x = Int16Array.from(parts);
      for (const minRun of [1, 3, 8]) expect(splitAtZeroRuns(x, minRun)).toEqual(reference(x, minRun));
    }
  });

  it('gives nothing for silence and one stretch for a signal without long zero runs', () => {
    expect(splitAtZeroRuns(new Int16Array(10), 3)).toEqual([]);
    expect(splitAtZeroRuns(Int16Array.from([1, 0, 1]), 3)).toEqual([[0, 3]]);
  });
});

describe('synthesizeBatch (espeak-ng)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-batch-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const samplesOf = async (file: string): Promise<Int16Array> => {
    const info = await openWav(file);
    const b = await readFile(file);
    return new Int16Array(b.buffer.slice(b.byteOffset + info.dataOffset, b.byteOffset + info.dataOffset + info.dataBytes));
  };
  const trailingZeros = (x: Int16Array): number => {
    let n = 0;
    while (n < x.length && x[x.length - 1 - n] === 0) n++;
    return n;
  };

  it('speaks several texts in one process into one file each, about as long as each spoken alone, with its clause pause', async () => {
    const texts = ['Mi muy querido Manuel.', 'Hace algunas semanas que vivimos en esta villa, cerca de la corte.', 'Adiós, generoso hermano & amigo <querido>.'];
    const outs = texts.map((_, k) => path.join(dir, `b${k}.wav`));
    expect(await synthesizeBatch(texts, outs, dir)).toBe(true);
    for (let k = 0; k < texts.length; k++) {
      const alone = path.join(dir, `a${k}.wav`);
      await synthesizeSpeech(texts[k]!, alone);
      const [b, a] = [await samplesOf(outs[k]!), await samplesOf(alone)];
      expect((await openWav(outs[k]!)).sampleRate).toBe(22_050);
      // same speech within 15 % (a text's prosody depends a little on its neighbours) …
      expect(Math.abs(b.length - a.length) / a.length).toBeLessThan(0.15);
      // … ending in a pause of about the one espeak-ng gives a text alone (0.2–0.6 s), never the 4 s break
      expect(trailingZeros(b) / 22_050).toBeGreaterThan(0.15);
      expect(trailingZeros(b) / 22_050).toBeLessThan(0.7);
      expect(b[0]).not.toBe(0);
    }
    // the batch's own temp file is gone
    expect((await readdir(dir)).filter((f) => f.startsWith('.batch-'))).toEqual([]);
  });

  it('returns null and writes nothing when the audio does not split into one stretch per text', async () => {
    // SSML texts with a break of their own as long as the one between texts: four stretches for two texts
    const texts = ['Primera parte. <break time="5000ms"/> Segunda parte.', 'Tercera parte.'];
    const outs = [path.join(dir, 'n0.wav'), path.join(dir, 'n1.wav')];
    expect(await synthesizeBatch(texts, outs, dir, { ssml: true })).toBeNull();
    expect((await readdir(dir)).filter((f) => f.startsWith('n') || f.startsWith('.batch-'))).toEqual([]);
  });

  it('escapes plain text for SSML', () => {
    expect(ssmlEscape('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
  });
});
