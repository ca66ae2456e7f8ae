// Training benches' input: `count` clips of `seconds` s (tones + noise, seeded) with Spanish word transcripts —
// throughput depends on shapes, not on what is said, and no espeak-ng/ffmpeg is needed (the GPU machine has none).
import { SPANISH_PARAGRAPHS } from '../../lib/align/spanish-paragraphs.ts';
import { normaliseSpanish } from '../../lib/text/normalise-spanish.ts';
import { createRandom } from '../../lib/model/seeded-random.ts';

export function syntheticUtterances(count: number, seconds: number, seed = 1) {
  const rng = createRandom(seed);
  const words = normaliseSpanish(SPANISH_PARAGRAPHS.join(' ')).split(' ');
  return Array.from({ length: count }, (_, i) => {
    const n = seconds * 16_000;
    const samples = new Int16Array(n);
    const hz = 120 + 40 * (i % 7);
    for (let t = 0; t < n; t++) samples[t] = Math.round(5000 * Math.sin((2 * Math.PI * hz * t) / 16_000) + 1500 * rng.normal());
    const wordCount = Math.max(1, Math.round(2.5 * seconds));
    const start = (i * wordCount) % Math.max(1, words.length - wordCount);
    return { id: `u${i}`, text: words.slice(start, start + wordCount).join(' '), samples };
  });
}
