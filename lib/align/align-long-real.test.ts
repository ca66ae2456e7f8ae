// A long chapter of real speech recorded apart: the real Spanish readings (../shared/fixtures/real-es), each under
// pink noise at 10 dB below its own speech, twice over, joined into one 6.6-minute chapter of 50 lines
// (lib/testing/join-real-recordings.ts). Their noise floors differ by up to 20 dB: with the whole file's pause
// threshold, common-voice's had no pause at two of its boundaries (20 and 42 ms off); see bench/align-real-long.ts
// for longer chapters and the case still open (a noisy stretch in a clean chapter).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToPcm } from '../audio/convert-to-pcm.ts';
import { joinRealRecordings, type ReadingWav } from '../testing/join-real-recordings.ts';
import { realEsRecordings } from '../testing/real-es-fixture.ts';
import { alignFragments } from './align-fragments.ts';
import { scoreAlignment } from './score-alignment.ts';
import { ttsText } from './tts-text.ts';

let dir: string;
const readings: ReadingWav[] = [];
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-long-real-test-'));
  for (const rec of realEsRecordings()) {
    const wav = path.join(dir, `${rec.name}.wav`);
    await convertToPcm(rec.audio, wav);
    readings.push({ name: rec.name, wav, truth: rec.truth, lines: rec.lines });
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('alignFragments: a real chapter of readings recorded apart, in noise', () => {
  it('puts every boundary in its pause, and flags nothing', async () => {
    const chapter = await joinRealRecordings(readings, [{ kind: 'noise', snrDb: 10 }, { kind: 'noise', snrDb: 10 }], dir);
    expect(chapter.lines).toHaveLength(50);
    const r = await alignFragments({
      audioWav: chapter.wav,
      fragments: chapter.lines.map((text, f) => ({ id: `f${f}`, text: ttsText(text, 'spa') })),
      language: 'spa',
      options: { cacheDir: path.join(dir, 'tts') },
    });
    const s = scoreAlignment(r.fragments, chapter.truth);
    // capitan-veneno's line 5 start: the boundary whose truth is in doubt (see align-real.test.ts), in both blocks
    const doubted = new Set(chapter.linesOf('capitan-veneno', 5));
    const off = s.errors.map((e, b) => ({ b, ms: Math.round(e * 1000), at: chapter.labels[b] })).filter(({ b, ms }) => ms > 0 && !doubted.has(b));
    expect(off).toEqual([]);
    expect(r.fragments.filter((f) => f.flag).map((f) => f.id)).toEqual([]);
  });
});
