// A throw-away PostgreSQL cluster for tests: initdb into a temp directory, served on a free local port, removed by
// stop(). Uses Debian's server binaries (/usr/lib/postgresql/<version>/bin, package `postgresql`; scripts/test.sh
// installs it). initdb refuses to run as root, so as root the cluster belongs to the `postgres` user (runuser).
// Durability is switched off (fsync, synchronous_commit): the data lives only as long as the test run.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

export type TestPostgres = {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres`: the maintenance database, to create test databases from. */
  url: string;
  port: number;
  /** The URL of another database on the same cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
};

/** The directory holding initdb and pg_ctl: $ALINEA_PG_BIN, else the newest /usr/lib/postgresql/<v>/bin. */
export function findPostgresBin(): string {
  const fromEnv = process.env.ALINEA_PG_BIN;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) {
    throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql: install them (apt-get install postgresql) or set ALINEA_PG_BIN.');
  }
  return path.join(root, versions[0], 'bin');
}


export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin();
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'alinea-pg-'));
  const asOwner = (cmd: string, args: string[]) =>
    isRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]) : run(path.join(bin, cmd), args);
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  await asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`, // the unix socket beside the data, not in /var/run/postgresql
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  await asOwner('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  const urlFor = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  let stopped = false;
  // a run that ends without its teardown (an exception, process.exit) must not leave a server behind
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
    try {
      if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args], { stdio: 'ignore' });
      else execFileSync(path.join(bin, 'pg_ctl'), args, { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  return {
    url: urlFor('postgres'),
    port,
    urlFor,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopNow);
      await asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The database integration tests copy on the cluster (scripts/test.sh's PostgreSQL run): migrated once. */
export const TEMPLATE_DATABASE = 'alinea_template';

/**
 * A fresh database for one test file on the cluster at `adminUrl`, copied from TEMPLATE_DATABASE (already
 * migrated: a copy takes ~0.1 s, a migration ~2 s), or empty. drop() removes it, ending connections still open.
 */
export async function createTestDatabase(
  adminUrl: string,
  opts: { empty?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `alinea_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}" TEMPLATE "${opts.empty ? 'template0' : TEMPLATE_DATABASE}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
