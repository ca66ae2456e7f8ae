// Benchmark (not a test): the forced aligner on real Spanish readings with timing truth
// (../shared/fixtures/real-es, see its README). Run: npx tsx bench/align-real.ts [--json] [--only NAME]
// Per recording and pooled: share of boundaries inside the true pause, mean / p95 / max error (0 inside the
// pause, else the distance to it), for paragraphs (the text's lines) and for the naive proportional split of the
// audio by character counts beside them; aeneas 1.7.3's figures from the fixture README for comparison;
// confidence vs error (are the bad boundaries among the chapter's lowest confidences?); seconds per audio hour
// and peak RSS of this process.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { convertToPcm } from '../lib/audio/convert-to-pcm.ts';
import { alignFragments } from '../lib/align/align-fragments.ts';
import { proportionalSplit, scoreAlignment, summariseErrors, truthPauses, type AlignmentScore } from '../lib/align/score-alignment.ts';
import { missedByConfidence } from '../lib/align/missed-by-confidence.ts';
import { ttsText } from '../lib/align/tts-text.ts';
import { alignerInput } from '../lib/chapter-alignment/aligner-input.ts';
import { pairedSentences, realEsRecordings } from '../lib/testing/real-es-fixture.ts';

// From shared/fixtures/real-es/README.md (aeneas 1.7.3, spa, plain, defaults), for the table only.
const AENEAS: Record<string, { inPause: number; meanMs: number; maxMs: number }> = {
  'capitan-veneno': { inPause: 0.6, meanMs: 232, maxMs: 2221 },
  fleurs: { inPause: 0.75, meanMs: 5, maxMs: 28 },
  'common-voice': { inPause: 0.4, meanMs: 73, maxMs: 460 },
};

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const fmt = (s: AlignmentScore): string =>
  `${(100 * s.inPauseShare).toFixed(0).padStart(3)} % ${ms(s.meanSec).padStart(6)} ${ms(s.p95Sec).padStart(6)} ${ms(s.maxSec).padStart(6)}`;
const ms = (sec: number): string => `${Math.round(sec * 1000)}`;

const work = await mkdtemp(path.join(os.tmpdir(), 'alinea-bench-real-'));
const cacheDir = path.join(os.tmpdir(), 'alinea-bench', 'tts-cache');
const rows: Record<string, unknown>[] = [];
const pooled: number[] = [];
const pooledNaive: number[] = [];
const pooledSentences: number[] = [];
const pooledProduct: number[] = [];
// Confidence distribution of fragments with a boundary > 100 ms off ("bad") and of the rest.
const BUCKETS = [0.2, 0.5, 0.8, 0.95, 1];
const histogram = { good: BUCKETS.map(() => 0), bad: BUCKETS.map(() => 0) };
let audioSec = 0;
let alignSec = 0;
let peakRss = 0;
const confidenceMisses: string[] = [];
try {
  console.log('recording        | ours: in-pause mean p95 max (ms)  | naive split                  | aeneas 1.7.3 | flags | s');
  for (const rec of realEsRecordings()) {
    if (only && rec.name !== only) continue;
    const wav = path.join(work, `${rec.name}.wav`);
    await convertToPcm(rec.audio, wav);
    const t0 = performance.now();
    const r = await alignFragments({
      audioWav: wav,
      fragments: rec.lines.map((text, i) => ({ id: `f${i}`, text: ttsText(text, 'spa') })),
      language: 'spa',
      options: { cacheDir },
    });
    const sec = (performance.now() - t0) / 1000;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    audioSec += r.durationSec;
    alignSec += sec;
    const ours = scoreAlignment(r.fragments, rec.truth);
    const naive = scoreAlignment(proportionalSplit(rec.lines, 0, rec.truth.duration), rec.truth);
    pooled.push(...ours.errors);
    pooledNaive.push(...naive.errors);
    // Confidence vs error: every boundary > 100 ms off should touch a fragment in the chapter's lowest 10 %.
    const conf = r.fragments.map((f) => f.confidence);
    for (const b of missedByConfidence(ours.errors, conf)) confidenceMisses.push(`${rec.name}#${b} (${ms(ours.errors[b]!)} ms)`);
    conf.forEach((c, i) => {
      const bad = (ours.errors[i] ?? 0) > 0.1 || (ours.errors[i + 1] ?? 0) > 0.1;
      histogram[bad ? 'bad' : 'good'][BUCKETS.findIndex((top) => c <= top)]!++;
    });
    const a = AENEAS[rec.name];
    const flags = r.fragments.filter((f) => f.flag).map((f) => `${f.id}:${f.flag}`);
    console.log(
      `${rec.name.padEnd(16)} | ${fmt(ours).padEnd(32)} | ${fmt(naive).padEnd(28)} | ${a ? `${a.inPause * 100} % ${a.meanMs} ${a.maxMs}` : '-'} | ${flags.length} | ${sec.toFixed(2)}`,
    );
    if (process.argv.includes('--verbose')) {
      console.log(`  errors ms: ${ours.errors.map(ms).join(' ')}`);
      const pathScore = scoreAlignment(
        r.stats.pathBoundaries.slice(0, -1).map((b, i) => ({ begin: b, end: r.stats.pathBoundaries[i + 1]! })),
        rec.truth,
      );
      console.log(`  path before pause refinement, errors ms: ${pathScore.errors.map(ms).join(' ')} (mean ${ms(pathScore.meanSec)})`);
      console.log(`  confidence: ${conf.join(' ')}${flags.length ? `  flags: ${flags.join(' ')}` : ''}`);
      console.log(`  head ${r.head} tail ${r.tail} of ${r.durationSec.toFixed(2)}`);
    }
    // Sentence level: the lines joined in pairs into paragraphs, each line a sentence (see pairedSentences).
    const { groups, fragments } = pairedSentences(rec);
    const joined = await alignFragments({ audioWav: wav, fragments, language: 'spa', options: { cacheDir } });
    const pauses = truthPauses(rec.truth);
    const sentenceErrors: number[] = [];
    joined.fragments.forEach((f, i) => {
      const g = groups[i]!;
      for (let c = 1; c < g.length; c++) {
        const pause = pauses[g[c]!]!;
        const t = f.children![c]!.begin;
        sentenceErrors.push(t < pause.begin ? pause.begin - t : t > pause.end ? t - pause.end : 0);
      }
    });
    pooledSentences.push(...sentenceErrors);
    const within100 = sentenceErrors.filter((e) => e <= 0.1).length / Math.max(1, sentenceErrors.length);
    console.log(
      `${''.padEnd(16)} | sentences inside paragraphs: ${(100 * within100).toFixed(0)} % within 100 ms of the pause; errors ms ${sentenceErrors.map(ms).join(' ')}`,
    );
    // Paragraphs aligned as the product aligns a chapter: each line with its own sentences (alignerInput).
    const asProduct = await alignFragments({
      audioWav: wav,
      fragments: rec.lines.map((text, i) => alignerInput({ id: `f${i}`, text }, 'spa')),
      language: 'spa',
      options: { cacheDir },
    });
    const product = scoreAlignment(asProduct.fragments, rec.truth);
    pooledProduct.push(...product.errors);
    console.log(`${''.padEnd(16)} | paragraphs aligned with their sentences (as a chapter is): ${fmt(product)}; flags ${asProduct.fragments.filter((f) => f.flag).length}`);
    rows.push({ name: rec.name, ours, naive, flags, seconds: sec, sentenceErrors, product });
  }
  const p = summariseErrors(pooled);
  const n = summariseErrors(pooledNaive);
  console.log(`${'pooled'.padEnd(16)} | ${fmt(p).padEnd(32)} | ${fmt(n).padEnd(28)} |`);
  console.log(`${'pooled, as chapter'.padEnd(16)} | ${fmt(summariseErrors(pooledProduct))}`);
  const ps = summariseErrors(pooledSentences);
  console.log(
    `${'pooled sentences'.padEnd(16)} | ${fmt(ps).padEnd(32)} | within 100 ms: ${((100 * pooledSentences.filter((e) => e <= 0.1).length) / Math.max(1, pooledSentences.length)).toFixed(0)} %`,
  );
  console.log(
    `speed ${(alignSec / (audioSec / 3600)).toFixed(1)} s per audio hour (warm TTS cache after the first run), peak RSS ${Math.round(peakRss / 2 ** 20)} MB`,
  );
  const labels = BUCKETS.map((top, i) => `${i ? BUCKETS[i - 1] : 0}–${top}`);
  console.log(`confidence distribution (fragments): ${labels.join(' | ')}`);
  console.log(`  next to a boundary > 100 ms off: ${histogram.bad.join(' | ')}`);
  console.log(`  the rest:                        ${histogram.good.join(' | ')}`);
  console.log(`bad boundaries (> 100 ms) not at a lowest-10 % confidence fragment: ${confidenceMisses.length ? confidenceMisses.join(', ') : 'none'}`);
  if (process.argv.includes('--json')) console.log(JSON.stringify({ rows, pooled: p, naive: n, confidenceMisses }));
} finally {
  await rm(work, { recursive: true, force: true });
}
