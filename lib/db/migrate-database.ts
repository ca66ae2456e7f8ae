// Brings the configured database to the latest migration. SQLite: WebAssembly schema engine (offline).
import Database from 'better-sqlite3';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { getConfig } from '../config/env.ts';
import { makeDataPrivate } from '../config/make-data-private.ts';
import { applyMigrations, MIGRATIONS_DIR } from './migrate.ts';
import { sqliteFilePath } from './client.ts';

function pendingMigrations(db: Database.Database): string[] {
  const all = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
    : [];
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
  if (!hasTable) return all;
  const done = new Set(
    (db.prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as { migration_name: string }[]).map(
      (r) => r.migration_name,
    ),
  );
  return all.filter((m) => !done.has(m));
}

export async function migrateDatabase(): Promise<string[]> {
  const { databaseUrl, isPostgres, dataDir } = getConfig();
  if (isPostgres) {
    throw new Error(
      'PostgreSQL migrations are applied with `npx prisma migrate deploy` (needs Prisma’s native schema engine); ' +
        'the offline migrator handles SQLite only.',
    );
  }
  const file = path.resolve(sqliteFilePath(databaseUrl));
  // the database (password hashes, sessions) and its -wal/-shm 600, the data directory 700, before SQLite opens it
  makeDataPrivate({ dataDir, sqliteFile: file });
  const db = new Database(file);
  let pending: string[];
  try {
    // WAL lets the app read while the worker writes; it is a property of the file, set once.
    db.pragma('journal_mode = WAL');
    pending = pendingMigrations(db);
  } finally {
    db.close();
  }
  // the schema engine (WebAssembly, ~1 s to load) only when something is to be applied
  return pending.length ? applyMigrations(`file:${file}`) : [];
}
