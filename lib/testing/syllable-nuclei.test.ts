import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wavBytes } from '../audio/wav-bytes.ts';
import { bandLoudness, spanishSyllables, syllableNuclei } from './syllable-nuclei.ts';

describe('spanishSyllables', () => {
  it.each([
    ['Mi muy querido Manuel', 7],
    ['y ahí te la envío', 6],
    ['Celebraré no haber defraudado tus esperanzas', 15], // "no haber" is read as one syllable pair: synalefa over a silent h
    ['ciudad', 2],
    ['la obra', 2],
    ['poeta', 3],
  ])('%s → %i', (text, n) => {
    expect(spanishSyllables(text)).toBe(n);
  });
});

describe('syllableNuclei', () => {
  it('counts the loud bursts of a signal between two times', async () => {
    // Eight 120 ms bursts of a 600 Hz tone, 130 ms apart, in near silence.
    const rate = 16_000;
    const samples = new Int16Array(rate * 2.5);
    for (let b = 0; b < 8; b++) {
      const start = Math.round((0.2 + b * 0.25) * rate);
      for (let i = 0; i < 0.12 * rate; i++) samples[start + i] = Math.round(12_000 * Math.sin((2 * Math.PI * 600 * i) / rate) * Math.sin((Math.PI * i) / (0.12 * rate)));
    }
    for (let i = 0; i < samples.length; i++) samples[i] = samples[i]! + ((i * 7919) % 13) - 6;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-nuclei-'));
    try {
      const wav = path.join(dir, 'bursts.wav');
      await writeFile(wav, wavBytes(samples, rate));
      const band = await bandLoudness(wav);
      expect(syllableNuclei(band, 0, 2.5)).toHaveLength(8);
      expect(syllableNuclei(band, 0, 1.2)).toHaveLength(4);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
