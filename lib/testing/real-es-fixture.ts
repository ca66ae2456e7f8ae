// Test and bench helper: the real Spanish readings with timing truth in the shared folder next to the repository
// (../shared/fixtures/real-es, see its README.md), wherever the clone lives.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AlignmentTruth } from '../align/score-alignment.ts';

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
