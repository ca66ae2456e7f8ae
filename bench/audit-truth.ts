// Audit (not a test): does a timing truth hold? For each line of a real recording (../shared/fixtures/real-es),
// the syllables of its text against the syllable nuclei counted in the span the truth gives it, and in the span
// the aligner gives it (see lib/testing/syllable-nuclei.ts). A line whose span holds far more or fewer nuclei than
// its text has syllables is not where that span says. Also each line's speaking rate: syllables of the text per
// second of speech in the span (detected pauses excluded); one reader keeps a steady rate from line to line, so a
// span that makes a line twice as slow as its neighbours and the next one far faster puts a boundary wrong.
// Run: npx tsx bench/audit-truth.ts [--only NAME]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { convertToPcm } from '../lib/audio/convert-to-pcm.ts';
import { alignFragments } from '../lib/align/align-fragments.ts';
import { ttsText } from '../lib/align/tts-text.ts';
import { realEsRecordings } from '../lib/testing/real-es-fixture.ts';
import { bandLoudness, spanishSyllables, syllableNuclei } from '../lib/testing/syllable-nuclei.ts';
import { expandSpanish } from '../lib/text/expand-spanish.ts';
import { detectPauses, EnergyMeter } from '../lib/align/detect-pauses.ts';
import { streamWavSamples } from '../lib/audio/wav-reader.ts';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const work = await mkdtemp(path.join(os.tmpdir(), 'alinea-audit-'));
try {
  for (const rec of realEsRecordings()) {
    if (only && rec.name !== only) continue;
    const wav = path.join(work, `${rec.name}.wav`);
    await convertToPcm(rec.audio, wav);
    const band = await bandLoudness(wav);
    const meter = new EnergyMeter(16_000, 0.01);
    for await (const chunk of streamWavSamples(wav, { chunkSamples: 1 << 16 })) meter.push(chunk);
    const { pauses } = detectPauses(meter.finish(), meter.frameSec);
    /** Seconds of [a, b] outside the detected pauses. */
    const speechSec = (a: number, b: number): number =>
      pauses.reduce((left, p) => left - Math.max(0, Math.min(b, p.end) - Math.max(a, p.begin)), b - a);
    const r = await alignFragments({
      audioWav: wav,
      fragments: rec.lines.map((text, i) => ({ id: `f${i}`, text: ttsText(text, 'spa') })),
      language: 'spa',
      options: { cacheDir: path.join(os.tmpdir(), 'alinea-bench', 'tts-cache') },
    });
    console.log(`\n${rec.name}: line | syllables of the text | truth's span: nuclei in it, syllables per second of speech | the aligner's span: the same`);
    rec.lines.forEach((line, i) => {
      const syl = spanishSyllables(expandSpanish(line));
      const t = rec.truth.paragraphs[i]!;
      const f = r.fragments[i]!;
      const inTruth = syllableNuclei(band, t.begin, t.end).length;
      const inOurs = syllableNuclei(band, f.begin, f.end).length;
      const mark = (n: number): string => `${n}${Math.abs(n - syl) > Math.max(3, 0.25 * syl) ? ' ✗' : ''}`;
      const rate = (a: number, b: number): string => (syl / Math.max(0.01, speechSec(a, b))).toFixed(1).padStart(5);
      console.log(
        `  ${String(i).padStart(2)} ${String(syl).padStart(3)} | truth ${t.begin.toFixed(2)}–${t.end.toFixed(2)} ${mark(inTruth).padEnd(5)} ${rate(t.begin, t.end)}/s | ours ${f.begin.toFixed(2)}–${f.end.toFixed(2)} ${mark(inOurs).padEnd(5)} ${rate(f.begin, f.end)}/s | ${line.slice(0, 50)}`,
      );
    });
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
