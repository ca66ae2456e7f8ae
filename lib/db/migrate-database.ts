// Brings the configured database to the latest migration, offline (the schema engine's WebAssembly build):
// SQLite from prisma/migrations, PostgreSQL from prisma/postgres/migrations.
import Database from 'better-sqlite3';
import pg from 'pg';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { getConfig } from '../config/env.ts';
import { makeDataPrivate } from '../config/make-data-private.ts';
import { applyMigrations, MIGRATIONS_DIR, POSTGRES_MIGRATIONS_DIR } from './migrate.ts';
import { sqliteFilePath } from './client.ts';

function migrationNames(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
}

const APPLIED = 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';

function pendingMigrations(db: Database.Database): string[] {
  const all = migrationNames(MIGRATIONS_DIR);
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
  if (!hasTable) return all;
  const done = new Set((db.prepare(APPLIED).all() as { migration_name: string }[]).map((r) => r.migration_name));
  return all.filter((m) => !done.has(m));
}

async function pendingPostgresMigrations(url: string): Promise<string[]> {
  const all = migrationNames(POSTGRES_MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS t");
    if (!rows[0]?.t) return all;
    const done = new Set((await client.query<{ migration_name: string }>(APPLIED)).rows.map((r) => r.migration_name));
    return all.filter((m) => !done.has(m));
  } finally {
    await client.end();
  }
}

export async function migrateDatabase(): Promise<string[]> {
  const { databaseUrl, isPostgres, dataDir } = getConfig();
  if (isPostgres) {
    makeDataPrivate({ dataDir });
    // the schema engine (WebAssembly, ~1 s to load) only when something is to be applied
    return (await pendingPostgresMigrations(databaseUrl)).length ? applyMigrations(databaseUrl, POSTGRES_MIGRATIONS_DIR) : [];
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
  return pending.length ? applyMigrations(`file:${file}`) : [];
}
