// Temp files left by a process that died mid-write (the web server during an upload, a worker during a
// conversion): `*.part` beside their target, `*.tmp`, and anything in a `.tmp` folder. Only files untouched for
// maxAgeMs go: a file still being written has a fresh mtime. Symbolic links are neither followed nor removed.
import { lstat, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

export type SweepResult = { files: number; bytes: number };

function isTempName(name: string, inTmpFolder: boolean): boolean {
  return inTmpFolder || name.endsWith('.part') || name.endsWith('.tmp');
}

/** `everything`: `dir` is itself a scratch folder, so any stale file in it goes, whatever its name. */
export async function sweepStaleTempFiles(dir: string, opts: { maxAgeMs?: number; now?: number; everything?: boolean } = {}): Promise<SweepResult> {
  const cutoff = (opts.now ?? Date.now()) - (opts.maxAgeMs ?? 60 * 60_000);
  const result: SweepResult = { files: 0, bytes: 0 };
  const walk = async (folder: string, inTmpFolder: boolean): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return; // gone meanwhile, or not ours to read
    }
    for (const e of entries) {
      const p = path.join(folder, e.name);
      if (e.isDirectory()) await walk(p, inTmpFolder || e.name === '.tmp');
      else if (e.isFile() && isTempName(e.name, inTmpFolder)) {
        const st = await lstat(p).catch(() => null);
        if (!st || st.mtimeMs > cutoff) continue;
        await rm(p, { force: true });
        result.files++;
        result.bytes += st.size;
      }
    }
  };
  await walk(dir, opts.everything ?? false);
  return result;
}
