// Every database-using CLI command against PostgreSQL (vitest.postgres.config.ts): migrate on an empty database,
// create-user, import (ingest, split), a worker process that claims the queued alignment and stops on SIGTERM,
// export. The commands themselves are tested on SQLite beside their code; this proves DATABASE_URL=postgresql://.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../lib/testing/start-postgres.ts';

const run = promisify(execFile);
let dir = '';
let env = { ...process.env };
let db: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'alinea-cli-pg-'));
  db = await createTestDatabase(process.env.ALINEA_TEST_POSTGRES_URL!, { empty: true });
  env = { ...process.env, ALINEA_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: db.url, ALINEA_WORKER_STOP_GRACE_SECONDS: '1' };
  // a short Spanish reading of a two-paragraph text
  writeFileSync(path.join(dir, 'libro.txt'), 'El faro estaba en la isla.\n\nLa noche era larga y fría.\n');
  execFileSync('espeak-ng', ['-v', 'es', '-w', path.join(dir, 'a.wav'), 'El faro estaba en la isla. La noche era larga y fría.']);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', path.join(dir, 'a.wav'), path.join(dir, 'a_01.mp3')]);
});
afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const alinea = async (...args: string[]) => (await run(process.execPath, ['bin/alinea.mjs', ...args], { env })).stdout;
const lastJson = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!);

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

describe('the CLI on PostgreSQL', () => {
  it('migrates an empty database, then finds nothing to apply', async () => {
    // every PostgreSQL migration folder, in order, then nothing
    const folders = readdirSync('prisma/postgres/migrations', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(folders[0]).toMatch(/_init$/);
    expect(lastJson(await alinea('migrate')).applied).toEqual(folders);
    expect(lastJson(await alinea('migrate')).applied).toEqual([]);
  });

  it('creates a user', async () => {
    expect(lastJson(await alinea('create-user', '--email', 'ana@example.org', '--password', 'faro-isla-noche-9', '--role', 'admin'))).toMatchObject({ created: true, role: 'admin' });
    expect(await query('SELECT email, role FROM "User"')).toEqual([{ email: 'ana@example.org', role: 'admin' }]);
  });

  it('imports a book, a worker process aligns it and stops on SIGTERM, and the project exports', async () => {
    const imported = lastJson(await alinea('import', '--project', 'Cuentos', '--audio', path.join(dir, 'a_01.mp3'), '--text', path.join(dir, 'libro.txt')));
    expect(imported).toMatchObject({ chapters: 1, fragments: 2, aligned: 0, failedAudio: [] });
    expect(await query(`SELECT status FROM "Job" WHERE type = 'align-chapter'`)).toEqual([{ status: 'queued' }]);

    const worker = spawn(process.execPath, ['bin/alinea.mjs', 'worker'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    worker.stdout.on('data', (d) => (log += d));
    worker.stderr.on('data', (d) => (log += d));
    const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 600 && !/align-chapter \S+: succeeded/.test(log); i++) await new Promise((r) => setTimeout(r, 100));
      expect(log).toMatch(/align-chapter \S+: succeeded/);
    } finally {
      worker.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(log).toContain('[worker] stopped');
    expect(await query(`SELECT "alignStatus" FROM "Chapter"`)).toEqual([{ alignStatus: 'aligned' }]);

    const out = path.join(dir, 'corpus');
    expect(lastJson(await alinea('export', 'Cuentos', '--out', out, '--status', 'auto'))).toMatchObject({ examples: 2 });
    expect(readFileSync(path.join(out, 'manifests', 'train.jsonl'), 'utf8')).toContain('faro');
  });
});
