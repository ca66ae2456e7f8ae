// Integration tests run against a real SQLite file in a fresh data directory; in the PostgreSQL run
// (vitest.postgres.config.ts, ALINEA_TEST_POSTGRES_URL set by its globalSetup) against a fresh PostgreSQL database.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { resetConfigForTests } from '../config/env.ts';
import { disconnectDb } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate-database.ts';
import { createTestDatabase } from './start-postgres.ts';

export function useTestEnv(opts: { env?: Record<string, string> } = {}) {
  const state = { dataDir: '' };
  let dropDatabase: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    state.dataDir = await mkdtemp(path.join(tmpdir(), 'alinea-test-'));
    process.env.ALINEA_DATA_DIR = state.dataDir;
    const postgres = process.env.ALINEA_TEST_POSTGRES_URL;
    if (postgres) {
      const database = await createTestDatabase(postgres);
      dropDatabase = database.drop;
      process.env.DATABASE_URL = database.url;
    } else {
      process.env.DATABASE_URL = `file:${path.join(state.dataDir, 'alinea.db')}`;
    }
    for (const [k, v] of Object.entries(opts.env ?? {})) process.env[k] = v;
    resetConfigForTests();
    await migrateDatabase();
  });
  afterAll(async () => {
    await disconnectDb();
    await dropDatabase?.();
    await rm(state.dataDir, { recursive: true, force: true });
  });
  return state;
}
