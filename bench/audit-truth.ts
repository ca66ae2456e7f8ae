// Audit (not a test): does a timing truth hold? For each line of a real recording (../shared/fixtures/real-es),
// the syllables of its text against the syllable nuclei counted in the span the truth gives it, and in the span
// the aligner gives it (see lib/testing/syllable-nuclei.ts). A line whose span holds far more or fewer nuclei than
// its text has syllables is not where that span says. Run: npx tsx bench/audit-truth.ts [--only NAME]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { convertToPcm } from '../lib/audio/convert-to-pcm.ts';
import { alignFragments } from '../lib/align/align-fragments.ts';
import { ttsText } from '../lib/align/tts-text.ts';
import { realEsRecordings } from '../lib/testing/real-es-fixture.ts';
import { bandLoudness, spanishSyllables, syllableNuclei } from '../lib/testing/syllable-nuclei.ts';
import { expandSpanish } from '../lib/text/expand-spanish.ts';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const work = await mkdtemp(path.join(os.tmpdir(), 'alinea-audit-'));
try {
  for (const rec of realEsRecordings()) {
    if (only && rec.name !== only) continue;
    const wav = path.join(work, `${rec.name}.wav`);
    await convertToPcm(rec.audio, wav);
    const band = await bandLoudness(wav);
    const r = await alignFragments({
      audioWav: wav,
      fragments: rec.lines.map((text, i) => ({ id: `f${i}`, text: ttsText(text, 'spa') })),
      language: 'spa',
      options: { cacheDir: path.join(os.tmpdir(), 'alinea-bench', 'tts-cache') },
    });
    console.log(`\n${rec.name}: line | syllables of the text | nuclei in the truth's span | nuclei in the aligner's span`);
    rec.lines.forEach((line, i) => {
      const syl = spanishSyllables(expandSpanish(line));
      const t = rec.truth.paragraphs[i]!;
      const f = r.fragments[i]!;
      const inTruth = syllableNuclei(band, t.begin, t.end).length;
      const inOurs = syllableNuclei(band, f.begin, f.end).length;
      const mark = (n: number): string => `${n}${Math.abs(n - syl) > Math.max(3, 0.25 * syl) ? ' ✗' : ''}`;
      console.log(
        `  ${String(i).padStart(2)} ${String(syl).padStart(3)} | truth ${t.begin.toFixed(2)}–${t.end.toFixed(2)} ${mark(inTruth).padEnd(5)} | ours ${f.begin.toFixed(2)}–${f.end.toFixed(2)} ${mark(inOurs).padEnd(5)} | ${line.slice(0, 60)}`,
      );
    });
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
