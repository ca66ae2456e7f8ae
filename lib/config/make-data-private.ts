// The data directory holds password hashes, sessions (the database) and every upload: nobody but the studio's own
// user may read it. New files are private through the process umask (PRIVATE_UMASK, set by each entry point:
// bin/alinea.mjs, instrumentation.ts, scripts/start.sh); what an older install left readable is fixed here.
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files 600, directories 700, whatever a library or ffmpeg asks for. */
export const PRIVATE_UMASK = 0o077;
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes `dataDir` (created if missing) 700, and each entry at its top (files/, exports/, runs/, cache/, the
 * database, auth-secret …) 700 or 600: the directory alone already keeps everything under it out of reach.
 * `sqliteFile` (the SQLite database, also when it lives elsewhere) is created empty with mode 600 when missing, so
 * that SQLite, which gives its -wal and -shm files the database's own mode, makes them 600 too; an existing one and
 * its -wal, -shm and -journal become 600.
 */
export function makeDataPrivate({ dataDir, sqliteFile }: { dataDir: string; sqliteFile?: string }): void {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodIfPresent(dataDir);
  for (const name of readdirSync(dataDir)) chmodIfPresent(path.join(dataDir, name));
  if (!sqliteFile || sqliteFile === ':memory:') return;
  const file = path.resolve(sqliteFile);
  // a folder of the user's choosing outside the data directory keeps its mode; one made here is 700
  mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) chmodIfPresent(f);
}

function chmodIfPresent(p: string): void {
  try {
    // stat follows a symbolic link: a files/ linked to another disk is ours all the same
    chmodSync(p, statSync(p).isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // removed meanwhile
    // another user's file (EPERM): the studio still runs, but says what to fix
    if (code === 'EPERM') console.warn(`[alinea] ${p} could not be made private (${code}): chmod it 700 (a folder) or 600 yourself.`);
    else throw e;
  }
}
