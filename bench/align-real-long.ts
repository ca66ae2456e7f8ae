// Benchmark (not a test): the forced aligner on long chapters of real speech. The real Spanish readings
// (../shared/fixtures/real-es) are edited with sox (lib/testing/edit-real-recording.ts) and joined into chapters of
// 7–22 minutes, their truths moved along: a steady chapter (the readings as they are, six times), one in steady
// noise (every reading at 10 dB SNR), one whose conditions change from block to block (as read, slower, in noise,
// faster, in a room, lower), and a clean chapter with a noisy stretch (another session, a fan). Readers, levels and
// noise floors change where the readings meet, as they do between the sessions of a long LibriVox chapter.
// capitan-veneno's boundary 5 (the start of its line 5) is the boundary whose truth is in doubt (see
// bench/audit-truth.ts): it is counted, and marked with "?".
// Run: npx tsx bench/align-real-long.ts [--case NAME] [--verbose]
// One row per chapter: minutes, lines, share of boundaries inside the true pause, mean / p95 / max error (0 inside
// the pause, else the distance to it), the boundaries off by more than 100 ms (all, and those other than the doubted
// one), flags (none are expected: every line is read, nothing else is), seconds of alignment per audio hour.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { alignFragments } from '../lib/align/align-fragments.ts';
import { scoreAlignment, truthPauses } from '../lib/align/score-alignment.ts';
import { ttsText } from '../lib/align/tts-text.ts';
import type { RecordingEdit } from '../lib/testing/edit-real-recording.ts';
import { joinRealRecordings } from '../lib/testing/join-real-recordings.ts';
import { realEsWavs } from '../lib/testing/real-es-fixture.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const only = arg('--case');
const verbose = process.argv.includes('--verbose');

const CLEAN: RecordingEdit = { kind: 'none' };
const NOISE: RecordingEdit = { kind: 'noise', snrDb: 10 };
const CASES: { name: string; blocks: RecordingEdit[] }[] = [
  { name: 'steady', blocks: [CLEAN, CLEAN, CLEAN, CLEAN, CLEAN, CLEAN] },
  { name: 'steady-noise-10dB', blocks: [NOISE, NOISE, NOISE, NOISE, NOISE, NOISE] },
  {
    name: 'conditions-change',
    blocks: [CLEAN, { kind: 'tempo', factor: 0.8 }, NOISE, { kind: 'tempo', factor: 1.25 }, { kind: 'reverb', reverberance: 50 }, { kind: 'gain', db: -20 }],
  },
  { name: 'noisy-stretch', blocks: [CLEAN, NOISE] },
];

const DOUBTED = { recording: 'capitan-veneno', line: 5 };

const work = await mkdtemp(path.join(os.tmpdir(), 'alinea-align-real-long-'));
try {
  const readings = await realEsWavs(work);
  console.log('chapter            | min  | lines | in-pause  mean    p95    max | > 100 ms (? doubted truth)          | flags | s/audio h');
  for (const c of CASES) {
    if (only && c.name !== only) continue;
    const { wav: chapter, truth, lines, labels, linesOf } = await joinRealRecordings(readings, c.blocks, work, c.name);
    const doubted = new Set(linesOf(DOUBTED.recording, DOUBTED.line));
    const at = truth.duration;
    const started = performance.now();
    const r = await alignFragments({
      audioWav: chapter,
      fragments: lines.map((text, f) => ({ id: `f${f}`, text: ttsText(text, 'spa') })),
      language: 'spa',
      options: { cacheDir: path.join(work, 'tts') },
    });
    const seconds = (performance.now() - started) / 1000;
    const s = scoreAlignment(r.fragments, truth);
    const off = s.errors.map((e, b) => ({ e, b })).filter(({ e }) => e > 0.1);
    const offText = off.map(({ e, b }) => `${b}${doubted.has(b) ? '?' : ''}:${Math.round(e * 1000)}`).join(' ') || '-';
    const flags = r.fragments.filter((f) => f.flag).map((f) => `${f.id}:${f.flag}`);
    console.log(
      `${c.name.padEnd(18)} | ${(at / 60).toFixed(1).padStart(4)} | ${String(lines.length).padStart(5)} | ${(100 * s.inPauseShare).toFixed(0).padStart(3)} % ` +
        `${Math.round(s.meanSec * 1000).toString().padStart(6)} ${Math.round(s.p95Sec * 1000).toString().padStart(6)} ${Math.round(s.maxSec * 1000).toString().padStart(6)} | ` +
        `${offText.padEnd(35)} | ${(flags.join(' ') || '-').padEnd(5)} | ${((seconds / at) * 3600).toFixed(1)}`,
    );
    const others = off.filter(({ b }) => !doubted.has(b));
    console.log(`${''.padEnd(18)} | boundaries off by > 100 ms other than the doubted one: ${others.length}; flags: ${flags.length}`);
    if (verbose) {
      const pauses = truthPauses(truth);
      s.errors.forEach((e, b) => {
        if (e === 0) return;
        const ours = b < r.fragments.length ? r.fragments[b]!.begin : r.fragments.at(-1)!.end;
        console.log(
          `  boundary ${b} (${labels[b] ?? 'end'}): ${Math.round(e * 1000)} ms; truth pause ${pauses[b]!.begin.toFixed(2)}–${pauses[b]!.end.toFixed(2)}, ` +
            `ours ${ours.toFixed(2)}, path ${r.stats.pathBoundaries[b]!.toFixed(2)}, pause taken ${JSON.stringify(r.stats.boundaryEvidence[b] ?? null)}`,
        );
      });
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
