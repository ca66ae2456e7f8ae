// Text/audio mismatch on synthetic Spanish chapters with known pauses: a paragraph of the text the reader
// skipped, and a paragraph read aloud that the text lacks.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignFragments } from './align-fragments.ts';
import { buildSyntheticChapter } from '../testing/build-synthetic-chapter.ts';
import { SPANISH_INTRO, SPANISH_OUTRO, SPANISH_PARAGRAPHS } from './spanish-paragraphs.ts';

let dir: string;
let cacheDir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-mismatch-test-'));
  cacheDir = path.join(dir, 'tts');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const text = SPANISH_PARAGRAPHS.slice(0, 12);
const fragments = text.map((t, i) => ({ id: `p${i}`, text: t }));
const build = async (name: string, paragraphs: string[]) => {
  const sub = path.join(dir, name);
  await mkdir(sub, { recursive: true });
  return buildSyntheticChapter({
    dir: sub,
    paragraphs,
    intro: SPANISH_INTRO,
    outro: SPANISH_OUTRO,
    voiceFor: () => ({ voice: 'es-419', wordsPerMinute: 145, pitch: 40 }),
    pauseSec: [0.4, 1.2],
    noiseDb: -55,
    seed: 11,
  });
};

describe('alignFragments: text the audio lacks, audio the text lacks', () => {
  it('flags a paragraph the reader skipped as not-in-audio, without stretching its neighbours over it', async () => {
    const SKIP = 6;
    const ch = await build('skip', text.filter((_, i) => i !== SKIP));
    const r = await alignFragments({ audioWav: ch.wav, fragments, language: 'spa', options: { cacheDir } });
    expect(r.fragments.filter((f) => f.flag).map((f) => [f.id, f.flag])).toEqual([[`p${SKIP}`, 'not-in-audio']]);
    expect(r.stats.notInAudio).toBe(1);
    const skipped = r.fragments[SKIP]!;
    expect(skipped.end - skipped.begin).toBeLessThan(0.2);
    expect(skipped.confidence).toBeLessThanOrEqual(0.2);
    // Audio paragraph of each text fragment (the skipped one has none).
    const audioOf = (i: number) => (i < SKIP ? i : i - 1);
    const s = ch.speech;
    let inside = 0;
    for (let i = 1; i < text.length; i++) {
      // The skipped fragment's begin and end both belong in the pause between its neighbours.
      const [p, q] = i === SKIP || i === SKIP + 1 ? [SKIP - 1, SKIP] : [audioOf(i - 1), audioOf(i)];
      const b = r.fragments[i]!.begin;
      if (b >= s[p]!.end && b <= s[q]!.begin) inside++;
    }
    expect(inside / (text.length - 1)).toBeGreaterThanOrEqual(0.97);
    // The skipped paragraph sits in the pause between its neighbours.
    expect(skipped.begin).toBeGreaterThanOrEqual(s[SKIP - 1]!.end);
    expect(skipped.end).toBeLessThanOrEqual(s[SKIP]!.begin);
    for (const f of r.fragments) if (!f.flag) expect(f.confidence).toBeGreaterThan(0.5);
  });

  it('flags the paragraph that absorbs speech the text lacks as extra-audio and reports where it is', async () => {
    const AFTER = 6; // the extra paragraph is read between text paragraphs 6 and 7
    const extra = `${SPANISH_PARAGRAPHS[18]!} ${SPANISH_PARAGRAPHS[19]!}`;
    const ch = await build('extra', [...text.slice(0, AFTER + 1), extra, ...text.slice(AFTER + 1)]);
    const r = await alignFragments({ audioWav: ch.wav, fragments, language: 'spa', options: { cacheDir } });
    const s = ch.speech;
    const x = s[AFTER + 1]!; // the extra paragraph's speech
    const flagged = r.fragments.filter((f) => f.flag);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.flag).toBe('extra-audio');
    expect([`p${AFTER}`, `p${AFTER + 1}`]).toContain(flagged[0]!.id);
    // It holds the extra speech …
    expect(flagged[0]!.begin).toBeLessThanOrEqual(x.begin);
    expect(flagged[0]!.end).toBeGreaterThanOrEqual(x.end);
    expect(flagged[0]!.confidence).toBeLessThanOrEqual(0.2);
    // … and extraSpans says where (at least most of it).
    expect(r.extraSpans).toHaveLength(1);
    const e = r.extraSpans[0]!;
    const overlap = Math.min(e.end, x.end) - Math.max(e.begin, x.begin);
    expect(overlap / (x.end - x.begin)).toBeGreaterThanOrEqual(0.6);
    // Every boundary in a true pause (the one next to the extra paragraph: before or after it).
    const audioOf = (i: number) => (i <= AFTER ? i : i + 1);
    let inside = 0;
    for (let i = 1; i < text.length; i++) {
      const b = r.fragments[i]!.begin;
      const inPause = (p: number, q: number) => b >= s[p]!.end && b <= s[q]!.begin;
      if (i === AFTER + 1 ? inPause(AFTER, AFTER + 1) || inPause(AFTER + 1, AFTER + 2) : inPause(audioOf(i - 1), audioOf(i))) inside++;
    }
    expect(inside / (text.length - 1)).toBeGreaterThanOrEqual(0.97);
    for (const f of r.fragments) if (!f.flag) expect(f.confidence).toBeGreaterThan(0.5);
  });
});
