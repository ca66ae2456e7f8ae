// The database (password hashes, sessions) and the data directory are private from the first start, whatever the
// umask, and an older install's readable files are fixed at the next one.
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../config/env.ts';
import { getStorage } from '../storage/storage.ts';
import { disconnectDb, getDb } from './client.ts';
import { migrateDatabase } from './migrate-database.ts';

const parent = mkdtempSync(path.join(tmpdir(), 'alinea-private-'));
const dataDir = path.join(parent, 'data');
const db = path.join(dataDir, 'alinea.db');
const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);
let umask: number;

beforeAll(() => {
  umask = process.umask(0o022); // the usual lax default: without care, files 644 and folders 755
  process.env.ALINEA_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL; // the default, <data dir>/alinea.db
  resetConfigForTests();
});

afterAll(async () => {
  await disconnectDb();
  process.umask(umask);
  rmSync(parent, { recursive: true, force: true });
});

/** What the app does at start and at work: migrate, open the client and write (WAL), store an upload. */
async function useTheStudio() {
  await migrateDatabase();
  await getDb().project.create({ data: { name: `p${Date.now()}${Math.random()}` } });
  await getStorage().putStream('books/b1/audio/a1/original.mp3', Readable.from([Buffer.from('ID3…')]));
}

describe('the data directory', () => {
  it('is made 700, with the database and its -wal and -shm 600, and stored files 600 in 700 folders', async () => {
    await useTheStudio();
    expect(existsSync(`${db}-wal`)).toBe(true);
    expect(mode(dataDir)).toBe('700');
    expect(mode(db)).toBe('600');
    expect(mode(`${db}-wal`)).toBe('600');
    expect(mode(`${db}-shm`)).toBe('600');
    expect(mode(path.join(dataDir, 'files'))).toBe('700');
    expect(mode(path.join(dataDir, 'files/books/b1/audio/a1'))).toBe('700');
    expect(mode(path.join(dataDir, 'files/books/b1/audio/a1/original.mp3'))).toBe('600');
  });

  it('of an older install (644 database and WAL, 755 folders) is fixed by the next migrate', async () => {
    await disconnectDb();
    chmodSync(dataDir, 0o755);
    for (const f of [db, `${db}-wal`, `${db}-shm`]) if (existsSync(f)) chmodSync(f, 0o644);
    chmodSync(path.join(dataDir, 'files'), 0o755);
    writeFileSync(path.join(dataDir, 'auth-secret'), 'x'.repeat(40), { mode: 0o644 });
    await migrateDatabase();
    expect(mode(dataDir)).toBe('700');
    expect(mode(db)).toBe('600');
    if (existsSync(`${db}-wal`)) expect(mode(`${db}-wal`)).toBe('600');
    expect(mode(path.join(dataDir, 'files'))).toBe('700');
    expect(mode(path.join(dataDir, 'auth-secret'))).toBe('600');
  });

  it('is fixed by opening the database too (a worker or server started without migrating)', async () => {
    await getDb().project.count();
    await disconnectDb();
    chmodSync(dataDir, 0o755);
    chmodSync(db, 0o644);
    await getDb().project.create({ data: { name: `q${Date.now()}` } });
    expect(mode(dataDir)).toBe('700');
    expect(mode(db)).toBe('600');
    expect(mode(`${db}-wal`)).toBe('600');
  });
});
