// Test and bench helper: the real Spanish readings with timing truth in the shared folder next to the repository
// (../shared/fixtures/real-es, see its README.md), wherever the clone lives.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { convertToPcm } from '../audio/convert-to-pcm.ts';
import type { AlignmentTruth } from '../align/score-alignment.ts';
import { ttsText } from '../align/tts-text.ts';

const CANDIDATES = [
  path.resolve(import.meta.dirname, '../../../shared/fixtures/real-es'),
  path.resolve(import.meta.dirname, '../../shared/fixtures/real-es'),
];

export type RealRecording = { name: string; audio: string; lines: string[]; truth: AlignmentTruth };

export function realEsDir(): string {
  const dir = CANDIDATES.find((candidate) => existsSync(path.join(candidate, 'README.md')));
  if (!dir) throw new Error(`real-es fixtures not found in ${CANDIDATES.join(' or ')}`);
  return dir;
}

/** Every recording of the dev set, sorted by name. */
export function realEsRecordings(): RealRecording[] {
  const dir = realEsDir();
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'truth.json')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const folder = path.join(dir, name);
      const lines = readFileSync(path.join(folder, 'text.txt'), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.length > 0);
      const truth = JSON.parse(readFileSync(path.join(folder, 'truth.json'), 'utf8')) as AlignmentTruth;
      return { name, audio: path.join(folder, 'audio.mp3'), lines, truth };
    });
}

/** Every recording of the dev set with its audio converted to 16 kHz mono WAV in `workDir` (`wav`). */
export async function realEsWavs(workDir: string): Promise<(RealRecording & { wav: string })[]> {
  const out: (RealRecording & { wav: string })[] = [];
  for (const rec of realEsRecordings()) {
    const wav = path.join(workDir, `${rec.name}.wav`);
    await convertToPcm(rec.audio, wav);
    out.push({ ...rec, wav });
  }
  return out;
}

/**
 * The recording's lines joined in pairs into paragraphs, each line a sentence of its paragraph: the sentence
 * boundaries inside a paragraph are then line boundaries, whose pauses the truth has. `groups[i]` lists the line
 * indices of paragraph i; `fragments` is the aligner's input.
 */
export function pairedSentences(rec: RealRecording): {
  groups: number[][];
  fragments: { id: string; text: string; sentences: string[] }[];
} {
  const groups: number[][] = [];
  for (let i = 0; i < rec.lines.length; i += 2) groups.push(i + 1 < rec.lines.length ? [i, i + 1] : [i]);
  const fragments = groups.map((g, i) => {
    const sentences = g.map((l) => ttsText(rec.lines[l]!, 'spa'));
    return { id: `p${i}`, text: sentences.join(' '), sentences };
  });
  return { groups, fragments };
}
