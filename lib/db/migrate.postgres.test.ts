// PostgreSQL's migrations (prisma/postgres/migrations), on the run's throw-away cluster (vitest.postgres.config.ts).
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/start-postgres.ts';
import { applyMigrations, diffMigrationsToSchema, isEmptyMigration, MIGRATIONS_DIR, POSTGRES_MIGRATIONS_DIR } from './migrate.ts';

const adminUrl = process.env.ALINEA_TEST_POSTGRES_URL!;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** An empty database (not the migrated template's copy). */
async function emptyDatabase(): Promise<string> {
  const name = `alinea_empty_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function migrationNames(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

describe('PostgreSQL migrations', () => {
  it('produce exactly the schema in schema.prisma (no drift)', async () => {
    const sql = await diffMigrationsToSchema(POSTGRES_MIGRATIONS_DIR, adminUrl);
    expect(isEmptyMigration(sql), `schema.prisma and prisma/postgres/migrations differ; run npx tsx scripts/create-migration.ts NAME:\n${sql}`).toBe(true);
  });

  it('has a twin of every SQLite migration made after its init (same folder name)', async () => {
    const pgNames = await migrationNames(POSTGRES_MIGRATIONS_DIR);
    const init = pgNames[0]!;
    expect(init).toMatch(/_init$/);
    const later = (await migrationNames(MIGRATIONS_DIR)).filter((n) => n > init);
    expect(pgNames.slice(1)).toEqual(later);
  });

  it('apply to an empty database once, then apply nothing', async () => {
    const url = await emptyDatabase();
    expect(await applyMigrations(url)).toEqual(await migrationNames(POSTGRES_MIGRATIONS_DIR));
    expect(await applyMigrations(url)).toEqual([]);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    await c.end();
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['AudioFile', 'Book', 'Chapter', 'Fragment', 'FragmentRevision', 'Job', 'Project', 'TextPart', 'User', '_prisma_migrations']),
    );
  });

  it('apply once when several machines migrate at the same moment (the engine takes an advisory lock)', async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations(url)));
    expect(results.flat().sort()).toEqual(await migrationNames(POSTGRES_MIGRATIONS_DIR));
  });

  it('detects drift when the schema gains a column the migrations lack', async () => {
    const d = await mkdtemp(path.join(tmpdir(), 'alinea-pg-drift-'));
    cleanups.push(() => rm(d, { recursive: true, force: true }));
    const init = (await migrationNames(POSTGRES_MIGRATIONS_DIR))[0]!;
    const sql = await readFile(path.join(POSTGRES_MIGRATIONS_DIR, init, 'migration.sql'), 'utf8');
    const cut = sql.replace(/\s*"ebookSize" INTEGER,/, '');
    expect(cut).not.toBe(sql);
    await mkdir(path.join(d, init));
    await writeFile(path.join(d, init, 'migration.sql'), cut);
    await writeFile(path.join(d, 'migration_lock.toml'), 'provider = "postgresql"\n');
    const diff = await diffMigrationsToSchema(d, adminUrl);
    expect(isEmptyMigration(diff)).toBe(false);
    expect(diff).toContain('ebookSize');
  });

  it('leave the server as they found it: no table in the database diffed against, no scratch or shadow database', async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const tables = await c.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    const dbs = await c.query("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%' OR datname LIKE 'alinea_diff_%'");
    await c.end();
    expect(tables.rows).toEqual([]);
    expect(dbs.rows).toEqual([]);
  });
});

describe('useTestEnv on PostgreSQL', () => {
  it('gives a test file a migrated database of its own', async () => {
    const db = await createTestDatabase(adminUrl);
    cleanups.push(db.drop);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query<{ n: string }>('SELECT count(*)::text AS n FROM _prisma_migrations');
    await c.end();
    expect(Number(rows[0]!.n)).toBe((await migrationNames(POSTGRES_MIGRATIONS_DIR)).length);
  });
});
