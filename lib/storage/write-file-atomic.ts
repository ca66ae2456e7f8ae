// Temp-then-rename for a whole file: readers see the old file or the new one, never half of it; a crash leaves at
// most a `.part` beside it (see partPath), which the next attempt ignores.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { partPath } from './part-path.ts';

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const part = partPath(file);
  try {
    await writeFile(part, data);
    await rename(part, file);
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  }
}
