// Brings the configured database to the latest migration. SQLite: WebAssembly schema engine (offline).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { getConfig } from '../config/env.ts';
import { applyMigrations } from './migrate.ts';
import { sqliteFilePath } from './client.ts';

export async function migrateDatabase(): Promise<string[]> {
  const { databaseUrl, isPostgres } = getConfig();
  if (isPostgres) {
    throw new Error(
      'PostgreSQL migrations are applied with `npx prisma migrate deploy` (needs Prisma’s native schema engine); ' +
        'the offline migrator handles SQLite only.',
    );
  }
  const file = path.resolve(sqliteFilePath(databaseUrl));
  mkdirSync(path.dirname(file), { recursive: true });
  // WAL lets the app read while the worker writes; it is a property of the file, set once.
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.close();
  return applyMigrations(`file:${file}`);
}
