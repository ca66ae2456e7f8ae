// Benchmark (not a test): skipped text and extra speech on real voices, every place, not one. The real Spanish
// readings (../shared/fixtures/real-es), clean and under pink noise at 10 dB SNR, edited with sox
// (lib/testing/edit-real-recording.ts): each interior line cut out of the audio in turn (the text keeps it), and
// another recording's line spliced into each interior pause in turn (the text lacks it).
// Run: npx tsx bench/align-real-mismatch.ts [--only NAME] [--kind remove|insert] [--verbose]
// A removal is right when exactly that line is flagged not-in-audio and the other boundaries are within 300 ms of
// their pauses (the removed line's neighbours share the pause at the cut); an insertion is right when one fragment
// next to the splice is flagged extra-audio, nothing is flagged not-in-audio and the other boundaries are within
// 300 ms. capitan-veneno's boundary 5, whose truth is in doubt (bench/audit-truth.ts), is not counted.
// Prints one row per recording × condition × kind: right / all, and each wrong case with its flags.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { alignFragments } from '../lib/align/align-fragments.ts';
import { scoreAlignment, type AlignmentTruth } from '../lib/align/score-alignment.ts';
import { ttsText } from '../lib/align/tts-text.ts';
import { editRealRecording, type RecordingEdit, type RecordingWav } from '../lib/testing/edit-real-recording.ts';
import { realEsWavs } from '../lib/testing/real-es-fixture.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const only = arg('--only');
const kinds = (arg('--kind') ?? 'remove,insert').split(',');
const verbose = process.argv.includes('--verbose');
const TOLERANCE_SEC = 0.3;
const CONDITIONS: { name: string; edit: RecordingEdit }[] = [
  { name: 'clean', edit: { kind: 'none' } },
  { name: 'noise-10dB', edit: { kind: 'noise', snrDb: 10 } },
];

const work = await mkdtemp(path.join(os.tmpdir(), 'alinea-align-real-mismatch-'));
try {
  const recordings = await realEsWavs(work);
  const wavs = new Map<string, RecordingWav>(recordings.map((r) => [r.name, r]));
  console.log('recording      | condition  | kind   | right | wrong cases (line: flags, boundaries off by > 300 ms)');
  const total = { right: 0, all: 0 };
  for (const [i, rec] of recordings.entries()) {
    if (only && rec.name !== only) continue;
    const donor = wavs.get(recordings[(i + 1) % recordings.length]!.name)!;
    const donorLine = donor.truth.paragraphs.map((p) => p.end - p.begin).reduce((best, len, k, all) => (Math.abs(len - 3) < Math.abs(all[best]! - 3) ? k : best), 0);
    for (const condition of CONDITIONS) {
      // the condition applies to the reading and to what is spliced into it
      const conditioned = async (r: RecordingWav, tag: string): Promise<RecordingWav> => {
        const e = await editRealRecording(r, condition.edit, work);
        return { name: `${r.name}-${tag}`, wav: e.wav, truth: e.truth };
      };
      const base = await conditioned(wavs.get(rec.name)!, condition.name);
      const donorBase = await conditioned(donor, condition.name);
      for (const kind of kinds) {
        const wrong: string[] = [];
        let right = 0;
        let all = 0;
        for (let line = 1; line < rec.lines.length - 1; line++) {
          const edit: RecordingEdit = kind === 'remove' ? { kind: 'remove', line } : { kind: 'insert', after: line - 1, donor: donorBase, line: donorLine };
          const edited = await editRealRecording(base, edit, work);
          const r = await alignFragments({
            audioWav: edited.wav,
            fragments: rec.lines.map((text, f) => ({ id: `f${f}`, text: ttsText(text, 'spa') })),
            language: 'spa',
            options: { cacheDir: path.join(work, 'tts') },
          });
          const flags = r.fragments.flatMap((f, k) => (f.flag ? [`${k}:${f.flag}`] : []));
          let ok: boolean;
          let scored: number[];
          if (kind === 'remove') {
            // the other lines, scored without the removed one
            const keep = (_: unknown, k: number) => k !== line;
            const truth: AlignmentTruth = { ...edited.truth, paragraphs: edited.truth.paragraphs.filter(keep) };
            scored = scoreAlignment(r.fragments.filter(keep), truth).errors;
            ok = flags.length === 1 && flags[0] === `${line}:not-in-audio`;
          } else {
            scored = scoreAlignment(r.fragments, edited.truth).errors;
            ok = flags.length === 1 && (flags[0] === `${line - 1}:extra-audio` || flags[0] === `${line}:extra-audio`);
          }
          // capitan-veneno's doubted boundary (its index moves by one past a removed line)
          const doubted = rec.name === 'capitan-veneno' ? (kind === 'remove' && line < 5 ? 4 : 5) : -1;
          const off = scored.map((e, b) => ({ e, b })).filter(({ e, b }) => e > TOLERANCE_SEC && b !== doubted);
          ok &&= off.length === 0;
          all++;
          if (ok) right++;
          else wrong.push(`${line}: ${flags.join(' ') || 'no flag'}${off.length ? `, ${off.map(({ e, b }) => `b${b} ${Math.round(e * 1000)} ms`).join(' ')}` : ''}`);
          if (verbose) console.log(`  ${rec.name} ${condition.name} ${kind} ${line}: ${ok ? 'right' : 'WRONG'}; flags ${flags.join(' ') || '-'}; errors ms ${scored.map((e) => Math.round(e * 1000)).join(' ')}`);
        }
        total.right += right;
        total.all += all;
        console.log(`${rec.name.padEnd(14)} | ${condition.name.padEnd(10)} | ${kind.padEnd(6)} | ${`${right}/${all}`.padStart(5)} | ${wrong.join('; ') || '-'}`);
      }
    }
  }
  console.log(`all: ${total.right}/${total.all} right`);
} finally {
  await rm(work, { recursive: true, force: true });
}
