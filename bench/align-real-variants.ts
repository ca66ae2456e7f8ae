// Benchmark (not a test): does the forced aligner generalise beyond the dev set? The real Spanish readings
// (../shared/fixtures/real-es, see its README) edited with sox (lib/testing/edit-real-recording.ts) into recordings
// we have not seen: another pace (tempo ×0.8 / ×1.25, pitch kept; speed ×0.9 / ×1.1, pitch too), another room or
// microphone (pink noise at 20 / 10 dB SNR, −20 dB, up to just below clipping, reverb, a 300–3400 Hz telephone
// band), and LibriVox-style speech the text lacks (another recording's line as an intro or an outro; the reader's
// own last line as an intro). The truth moves with each edit.
// Run: npx tsx bench/align-real-variants.ts [--only NAME] [--variant KIND|NAME] [--verbose]
// One row per recording × variant: share of boundaries inside the true pause, mean / p95 / max error (0 inside the
// pause, else the distance to it), whether it meets the targets, flags (none are expected: no text is missing and
// any unread speech lies outside the text's span), the boundaries off by more than 100 ms, and where the first
// fragment begins (head) and the last ends (tail) against the pause the truth allows there. Then per variant, the
// errors pooled over the recordings and how many recordings meet the targets; seconds of alignment per audio hour
// and peak RSS of this process at the end. --verbose: each boundary's error, also as the DTW path put it before
// pause refinement, the boundaries, confidences and extra-speech spans.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { convertToPcm } from '../lib/audio/convert-to-pcm.ts';
import { alignFragments, type AlignFragmentsResult } from '../lib/align/align-fragments.ts';
import { scoreAlignment, summariseErrors, truthPauses, type AlignmentScore, type AlignmentTruth } from '../lib/align/score-alignment.ts';
import { missedByConfidence } from '../lib/align/missed-by-confidence.ts';
import { ttsText } from '../lib/align/tts-text.ts';
import { editRealRecording, firstLinesHolding, lastLinesHolding, lineNear, type RecordingEdit, type RecordingWav } from '../lib/testing/edit-real-recording.ts';
import { realEsRecordings, type RealRecording } from '../lib/testing/real-es-fixture.ts';

/** A recording meets the targets with at least this share inside the pause, this mean and this max error. */
const TARGET = { inPause: 0.95, meanSec: 0.04, maxSec: 0.3 };
/** Spoken intros and outros are the donor's line closest to this long (a LibriVox preamble, a "Fin del capítulo"). */
const INTRO_SEC = 6;
const OUTRO_SEC = 3;

/** A LibriVox preamble ("Capítulo uno de …, grabado para LibriVox.org por …, todas las grabaciones …"): at least this much speech. */
const LONG_INTRO_SEC = 15;
/** A long spoken sign-off after the last line: at least this much speech. */
const LONG_OUTRO_SEC = 8;

type Variant = { name: string; kind: RecordingEdit['kind']; edit: (donor: RecordingWav, self: RecordingWav) => RecordingEdit };

const VARIANTS: Variant[] = [
  { name: 'none', kind: 'none', edit: () => ({ kind: 'none' }) },
  { name: 'tempo-0.8', kind: 'tempo', edit: () => ({ kind: 'tempo', factor: 0.8 }) },
  { name: 'tempo-1.25', kind: 'tempo', edit: () => ({ kind: 'tempo', factor: 1.25 }) },
  { name: 'speed-0.9', kind: 'speed', edit: () => ({ kind: 'speed', factor: 0.9 }) },
  { name: 'speed-1.1', kind: 'speed', edit: () => ({ kind: 'speed', factor: 1.1 }) },
  { name: 'noise-20dB', kind: 'noise', edit: () => ({ kind: 'noise', snrDb: 20 }) },
  { name: 'noise-10dB', kind: 'noise', edit: () => ({ kind: 'noise', snrDb: 10 }) },
  { name: 'noise-5dB', kind: 'noise', edit: () => ({ kind: 'noise', snrDb: 5 }) },
  { name: 'gain-minus20dB', kind: 'gain', edit: () => ({ kind: 'gain', db: -20 }) },
  { name: 'gain-max', kind: 'gain', edit: () => ({ kind: 'gain', db: 'max' }) },
  { name: 'reverb-50', kind: 'reverb', edit: () => ({ kind: 'reverb', reverberance: 50 }) },
  { name: 'reverb-90', kind: 'reverb', edit: () => ({ kind: 'reverb', reverberance: 90 }) },
  { name: 'lowpass-tel', kind: 'lowpass', edit: () => ({ kind: 'lowpass', lowHz: 300, highHz: 3400 }) },
  { name: 'intro', kind: 'intro', edit: (donor) => ({ kind: 'intro', donor, line: lineNear(donor, INTRO_SEC) }) },
  // a LibriVox-length preamble: the donor's first lines as read, about LONG_INTRO_SEC of speech
  { name: 'intro-long', kind: 'intro', edit: (donor) => ({ kind: 'intro', donor, line: 0, through: firstLinesHolding(donor, LONG_INTRO_SEC) }) },
  { name: 'outro', kind: 'outro', edit: (donor) => ({ kind: 'outro', donor, line: lineNear(donor, OUTRO_SEC) }) },
  // a long sign-off ("Fin del capítulo tercero. Grabado para LibriVox por …"): the donor's last lines as read
  { name: 'outro-long', kind: 'outro', edit: (donor) => ({ kind: 'outro', donor, line: lastLinesHolding(donor, LONG_OUTRO_SEC), through: donor.truth.paragraphs.length - 1 }) },
  { name: 'intro-same-reader', kind: 'intro-same-reader', edit: () => ({ kind: 'intro-same-reader' }) },
  // the reader's own last lines as read, at least LONG_INTRO_SEC of speech, before the reading
  { name: 'intro-same-reader-long', kind: 'intro-same-reader', edit: (_, self) => ({ kind: 'intro-same-reader', from: lastLinesHolding(self, LONG_INTRO_SEC) }) },
];

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const only = arg('--only');
const variantArg = arg('--variant');
const verbose = process.argv.includes('--verbose');
const variants = VARIANTS.filter((v) => !variantArg || v.name === variantArg || v.kind === variantArg);
if (variants.length === 0) throw new Error(`No variant "${variantArg}"; one of ${VARIANTS.map((v) => v.name).join(', ')} or their kinds.`);

const ms = (sec: number): string => `${Math.round(sec * 1000)}`;
const fmt = (s: AlignmentScore): string =>
  `${(100 * s.inPauseShare).toFixed(0).padStart(3)} % ${ms(s.meanSec).padStart(6)} ${ms(s.p95Sec).padStart(6)} ${ms(s.maxSec).padStart(6)}`;
const meets = (s: AlignmentScore): boolean => s.inPauseShare >= TARGET.inPause && s.meanSec <= TARGET.meanSec && s.maxSec <= TARGET.maxSec;
/** `t` against the pause [begin, end] it should lie in: "ok", or how far early / late. */
const against = (t: number, pause: { begin: number; end: number }): string =>
  `${t.toFixed(2)} [${pause.begin.toFixed(2)} ${pause.end.toFixed(2)}] ${
    t < pause.begin ? `early ${(pause.begin - t).toFixed(2)}` : t > pause.end ? `late ${(t - pause.end).toFixed(2)}` : 'ok'
  }`;

function row(rec: string, variant: string, r: AlignFragmentsResult, truth: AlignmentTruth, score: AlignmentScore): string {
  const pauses = truthPauses(truth);
  const flags = r.fragments.filter((f) => f.flag).map((f) => `${f.id}:${f.flag === 'not-in-audio' ? 'nia' : 'extra'}`);
  const missed = new Set(missedByConfidence(score.errors, r.fragments.map((f) => f.confidence)));
  // "!" marks a bad boundary the confidence does not lead to (not at a lowest-10 % fragment).
  const bad = score.errors.flatMap((e, b) => (e > 0.1 ? [`${b}:${ms(e)}${missed.has(b) ? '!' : ''}`] : []));
  return [
    rec.padEnd(14),
    variant.padEnd(22),
    fmt(score),
    meets(score) ? 'yes' : ' no',
    (flags.join(' ') || '-').padEnd(12),
    (bad.join(' ') || '-').padEnd(22),
    `head ${against(r.head, pauses[0]!)}`.padEnd(38),
    `tail ${against(r.tail, pauses[pauses.length - 1]!)}`,
  ].join(' | ');
}

const work = await mkdtemp(path.join(os.tmpdir(), 'alinea-bench-variants-'));
const cacheDir = path.join(os.tmpdir(), 'alinea-bench', 'tts-cache');
const pooled = new Map<string, { errors: number[]; meeting: number; recordings: number; flags: number }>();
let audioSec = 0;
let alignSec = 0;
try {
  const all = realEsRecordings();
  const sources: (RealRecording & RecordingWav)[] = [];
  for (const rec of all) {
    const wav = path.join(work, `${rec.name}.wav`);
    await convertToPcm(rec.audio, wav);
    sources.push({ ...rec, wav });
  }
  console.log(
    `${'recording'.padEnd(14)} | ${'variant'.padEnd(22)} | in-pause  mean    p95    max | ok? | ${'flags'.padEnd(12)} | ${'bad (b:ms > 100)'.padEnd(22)} | ${'head [pause] '.padEnd(38)} | tail [pause]`,
  );
  for (const [i, src] of sources.entries()) {
    if (only && src.name !== only) continue;
    const donor = sources[(i + 1) % sources.length]!;
    for (const v of variants) {
      const edited = await editRealRecording(src, v.edit(donor, src), work);
      const t0 = performance.now();
      const r = await alignFragments({
        audioWav: edited.wav,
        fragments: src.lines.map((text, f) => ({ id: `f${f}`, text: ttsText(text, 'spa') })),
        language: 'spa',
        options: { cacheDir },
      });
      alignSec += (performance.now() - t0) / 1000;
      audioSec += r.durationSec;
      const score = scoreAlignment(r.fragments, edited.truth);
      console.log(row(src.name, v.name, r, edited.truth, score) + (edited.note ? `  (${edited.note})` : ''));
      if (verbose) {
        const pathScore = scoreAlignment(
          r.stats.pathBoundaries.slice(0, -1).map((b, k) => ({ begin: b, end: r.stats.pathBoundaries[k + 1]! })),
          edited.truth,
        );
        const spans = r.extraSpans.map((x) => `${x.begin.toFixed(2)}–${x.end.toFixed(2)}`);
        console.log(`  errors ms: ${score.errors.map(ms).join(' ')}; path before pause refinement: ${pathScore.errors.map(ms).join(' ')}`);
        const bounds = [...r.fragments.map((f) => f.begin), r.tail];
        console.log(`  bounds: ${bounds.map((x) => x.toFixed(2)).join(' ')}`);
        console.log(`  moved by pause refinement ms: ${bounds.map((x, b) => ms(Math.abs(x - r.stats.pathBoundaries[b]!))).join(' ')}`);
        const ev = r.stats.boundaryEvidence;
        console.log(`  pause taken (s/soft/depth dB): ${ev.map((e) => (e ? `${e.pauseSec.toFixed(2)}${e.soft ? 's' : ''}/${e.depthDb.toFixed(0)}` : '-')).join(' ')}`);
        console.log(`  confidence: ${r.fragments.map((f) => f.confidence.toFixed(2)).join(' ')}; extra spans: ${spans.join(' ') || '-'}`);
      }
      const p = pooled.get(v.name) ?? { errors: [], meeting: 0, recordings: 0, flags: 0 };
      p.errors.push(...score.errors);
      p.meeting += meets(score) ? 1 : 0;
      p.recordings += 1;
      p.flags += r.fragments.filter((f) => f.flag).length;
      pooled.set(v.name, p);
    }
  }
  console.log(`\npooled per variant (targets: ≥ ${100 * TARGET.inPause} % in pause, mean ≤ ${ms(TARGET.meanSec)} ms, max ≤ ${ms(TARGET.maxSec)} ms)`);
  console.log(`${'variant'.padEnd(22)} | in-pause  mean    p95    max | meeting targets | flags`);
  for (const [name, p] of pooled) {
    console.log(`${name.padEnd(22)} | ${fmt(summariseErrors(p.errors))} | ${`${p.meeting}/${p.recordings}`.padEnd(15)} | ${p.flags}`);
  }
  const total = [...pooled.values()];
  console.log(
    `all variants: ${total.reduce((a, p) => a + p.meeting, 0)}/${total.reduce((a, p) => a + p.recordings, 0)} recordings meet the targets; ` +
      `speed ${(alignSec / (audioSec / 3600)).toFixed(1)} s per audio hour (warm TTS cache after the first run), ` +
      `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
