// Integration tests run against a real SQLite file in a fresh data directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { resetConfigForTests } from '../config/env.ts';
import { disconnectDb } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate-database.ts';

export function useTestEnv(opts: { env?: Record<string, string> } = {}) {
  const state = { dataDir: '' };
  beforeAll(async () => {
    state.dataDir = await mkdtemp(path.join(tmpdir(), 'alinea-test-'));
    process.env.ALINEA_DATA_DIR = state.dataDir;
    process.env.DATABASE_URL = `file:${path.join(state.dataDir, 'alinea.db')}`;
    for (const [k, v] of Object.entries(opts.env ?? {})) process.env[k] = v;
    resetConfigForTests();
    await migrateDatabase();
  });
  afterAll(async () => {
    await disconnectDb();
    await rm(state.dataDir, { recursive: true, force: true });
  });
  return state;
}
