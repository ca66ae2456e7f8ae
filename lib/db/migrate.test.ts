import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, diffMigrationsToSchema, isEmptyMigration } from './migrate.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function tempDb() {
  const d = await mkdtemp(path.join(tmpdir(), 'alinea-mig-'));
  dirs.push(d);
  return path.join(d, 'db.sqlite');
}

describe('migrations', () => {
  it('produce exactly the schema in schema.prisma (no drift)', async () => {
    const sql = await diffMigrationsToSchema();
    expect(isEmptyMigration(sql), `schema.prisma and prisma/migrations differ; create a migration:\n${sql}`).toBe(true);
  });

  it('apply to an empty database once, then apply nothing', async () => {
    const file = await tempDb();
    const first = await applyMigrations(`file:${file}`);
    expect(first.length).toBeGreaterThan(0);
    expect(await applyMigrations(`file:${file}`)).toEqual([]);
    const db = new Database(file, { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[];
    db.close();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['AudioFile', 'Book', 'Chapter', 'Fragment', 'FragmentRevision', 'Job', 'Project', 'TextPart', 'User', '_prisma_migrations']),
    );
  });

  it('detects drift when the schema gains a column the migrations lack', async () => {
    // a migrations folder missing the last statement of the real one: the diff must not be empty
    const { readFile, mkdir, writeFile, readdir } = await import('node:fs/promises');
    const real = path.resolve(import.meta.dirname, '../../prisma/migrations');
    const d = await mkdtemp(path.join(tmpdir(), 'alinea-drift-'));
    dirs.push(d);
    const first = (await readdir(real, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()[0]!;
    const sql = await readFile(path.join(real, first, 'migration.sql'), 'utf8');
    await mkdir(path.join(d, first));
    await writeFile(path.join(d, first, 'migration.sql'), sql.replace(/\s*"ebookSize" INTEGER,/, ''));
    await writeFile(path.join(d, 'migration_lock.toml'), 'provider = "sqlite"\n');
    const diff = await diffMigrationsToSchema(d);
    expect(isEmptyMigration(diff)).toBe(false);
    expect(diff).toContain('ebookSize');
  });
});
