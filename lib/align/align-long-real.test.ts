// Long chapters of real speech whose conditions change: the real Spanish readings (../shared/fixtures/real-es),
// edited with sox and joined into 6.6-minute chapters of 50 lines (lib/testing/join-real-recordings.ts); see
// bench/align-real-long.ts for 20-minute ones. Their noise floors differ by up to 20 dB, and 45 dB where a clean
// chapter gets noisy.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingEdit } from '../testing/edit-real-recording.ts';
import { joinRealRecordings, type ReadingWav } from '../testing/join-real-recordings.ts';
import { realEsWavs } from '../testing/real-es-fixture.ts';
import { alignFragments } from './align-fragments.ts';
import { scoreAlignment } from './score-alignment.ts';
import { ttsText } from './tts-text.ts';

let dir: string;
let readings: ReadingWav[] = [];
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-long-real-test-'));
  readings = await realEsWavs(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('alignFragments: real chapters whose conditions change', () => {
  it.each([
    // with the whole file's pause threshold, common-voice had no pause at two of its boundaries (20 and 42 ms off)
    ['the readings, recorded apart, each in noise 10 dB below its speech', [{ kind: 'noise', snrDb: 10 }, { kind: 'noise', snrDb: 10 }]],
    // with the whole file's statistics (pause threshold, CMVN) the noisy stretch had no pause the aligner could see
    // and the path ran 1–2 s off there
    ['a clean chapter with a noisy stretch (a fan, another session)', [{ kind: 'none' }, { kind: 'noise', snrDb: 10 }]],
  ] as [string, RecordingEdit[]][])('%s: every boundary in its pause, nothing flagged', async (_, blocks) => {
    const chapter = await joinRealRecordings(readings, blocks, dir, `chapter-${blocks.map((b) => b.kind).join('-')}`);
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
