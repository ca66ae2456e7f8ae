// Applies Prisma migrations without Prisma's native schema engine (which downloads a binary at run time and
// so fails offline): the schema engine's WebAssembly build, driven through a driver adapter (better-sqlite3 for
// SQLite, adapter-pg for PostgreSQL). Migrations stay in Prisma's folder format, so `prisma migrate deploy` also
// works where the binary exists. Each provider has its own folder (a migration_lock.toml names one provider):
// prisma/migrations for SQLite, prisma/postgres/migrations for PostgreSQL, both made from schema.prisma.
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const PROJECT_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const SCHEMA_PATH = path.join(PROJECT_ROOT, 'prisma/schema.prisma');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma/migrations');
export const POSTGRES_MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma/postgres/migrations');

export type Provider = 'sqlite' | 'postgresql';

export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite';
}

export function migrationsDirFor(provider: Provider): string {
  return provider === 'postgresql' ? POSTGRES_MIGRATIONS_DIR : MIGRATIONS_DIR;
}

/** schema.prisma, for PostgreSQL with its datasource provider swapped (as scripts/prisma-generate.mjs does). */
export async function readSchema(provider: Provider): Promise<string> {
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  if (provider === 'sqlite') return schema;
  const swapped = schema.replace('provider = "sqlite"', 'provider = "postgresql"');
  if (swapped === schema) throw new Error('schema.prisma: the datasource provider "sqlite" to swap for PostgreSQL is missing');
  return swapped;
}

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout?: string }>;
  free(): Promise<void>;
};

type WasmEngine = Omit<Engine, 'free'> & { free(): void };

type WasmBg = {
  SchemaEngine: { new: (options: unknown, cb: (msg: string) => void, adapter: object) => Promise<WasmEngine> };
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let bgPromise: Promise<WasmBg> | undefined;

async function loadWasm(): Promise<WasmBg> {
  // The package's own entry imports the .wasm as an ES module, which Node 20 cannot load: instantiate by hand.
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bg = (await import(pathToFileURL(path.join(dir, 'schema_engine_bg.js')).href)) as WasmBg;
  const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as never });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

/**
 * adapter-pg knows no column type for PostgreSQL's one-byte "char" (OID 18), which the engine's schema describer
 * reads from the catalogs (pg_class.relkind, pg_constraint.contype …): a diff against a PostgreSQL database failed
 * with "Column type 'char' could not be deserialized". Such columns arrive as strings; report them as text (OID 25).
 */
function readCharAsText(adapter: object): void {
  type Result = { fields: { dataTypeID: number }[] };
  const a = adapter as { performIO?: (q: unknown) => Promise<Result>; startTransaction?: (...args: unknown[]) => Promise<object> };
  const performIO = a.performIO?.bind(adapter);
  if (!performIO) throw new Error('@prisma/adapter-pg changed: its performIO, patched by lib/db/migrate.ts, is gone');
  a.performIO = async (q) => {
    const r = await performIO(q);
    for (const f of r.fields) if (f.dataTypeID === 18) f.dataTypeID = 25;
    return r;
  };
  const startTransaction = a.startTransaction?.bind(adapter);
  if (startTransaction) {
    a.startTransaction = async (...args) => {
      const tx = await startTransaction(...args);
      readCharAsText(tx);
      return tx;
    };
  }
}

async function openEngine(url: string): Promise<Engine> {
  bgPromise ??= loadWasm();
  const bg = await bgPromise;
  const provider = providerOf(url);
  const schema = await readSchema(provider);
  // PostgreSQL: the engine's shadow database (a diff from a migrations folder) is a database adapter-pg creates and
  // drops on the same server, so the URL's user needs CREATEDB for drift checks and createMigration.
  const factory: SqlMigrationAwareDriverAdapterFactory =
    provider === 'postgresql' ? new PrismaPg({ connectionString: url }) : new PrismaBetterSqlite3({ url });
  // engine.free() does not close the adapter's connections; keep them to close ourselves (an open one would
  // hold SQLite's lock and make the next engine on the same file time out).
  const opened: { dispose(): Promise<void> }[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    if (provider === 'postgresql') readCharAsText(adapter);
    return adapter;
  };
  // The engine replays migration files on the shadow database through executeRaw, which better-sqlite3 refuses
  // for multi-statement SQL ("contains more than one statement"), as PostgreSQL does for a prepared statement
  // ("cannot insert multiple commands into a prepared statement"): run such scripts with executeScript instead.
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectToShadowDb();
    opened.push(shadow);
    if (provider === 'postgresql') readCharAsText(shadow);
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (e) {
        if (query.args.length === 0 && /more than one statement|multiple commands/.test(String(e))) {
          await shadow.executeScript(query.sql);
          return 0;
        }
        throw e;
      }
    };
    return shadow;
  };
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    applyMigrations: (input) => engine.applyMigrations(input),
    diff: (input) => engine.diff(input),
    free: async () => {
      await engine.free();
      // last opened first: adapter-pg's shadow database is dropped through the connection opened before it
      for (const a of opened.reverse()) await a.dispose().catch(() => {});
    },
  };
}

const FILTERS = { externalTables: [], externalEnums: [] };

export async function listMigrations(dir = MIGRATIONS_DIR) {
  const lockPath = path.join(dir, 'migration_lock.toml');
  const lock = existsSync(lockPath) ? await readFile(lockPath, 'utf8') : `provider = "${dir === POSTGRES_MIGRATIONS_DIR ? 'postgresql' : 'sqlite'}"\n`;
  const names = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: await readFile(path.join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  );
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: lock },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Applies pending migrations to a SQLite or PostgreSQL database (by its URL); returns the names applied now. */
export async function applyMigrations(url: string, dir = migrationsDirFor(providerOf(url))): Promise<string[]> {
  const engine = await openEngine(url);
  try {
    const r = await engine.applyMigrations({ migrationsList: await listMigrations(dir), filters: FILTERS });
    return r.appliedMigrationNames;
  } finally {
    await engine.free();
  }
}

/**
 * SQL that takes the database built by the migrations folder to the schema in schema.prisma. SQLite replays the
 * folder in memory. PostgreSQL needs a server (`postgresUrl`, whose user may create databases): the engine is
 * opened on a scratch database made for the diff and dropped after it, because the WebAssembly engine replays the
 * folder into the database it is opened on (seen: a diff against a database created every table in it).
 */
export async function diffMigrationsToSchema(dir?: string, postgresUrl?: string): Promise<string> {
  const provider: Provider = postgresUrl ? 'postgresql' : 'sqlite';
  dir ??= migrationsDirFor(provider);
  const scratch = postgresUrl ? await createScratchDatabase(postgresUrl) : undefined;
  try {
    const engine = await openEngine(scratch?.url ?? ':memory:');
    const schema = await readSchema(provider);
    const list = await listMigrations(dir);
    const from = list.migrationDirectories.length ? { tag: 'migrations', ...list } : { tag: 'empty' };
    try {
      const r = await engine.diff({
        from,
        to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
        script: true,
        exitCode: null,
        filters: FILTERS,
      });
      return r.stdout ?? '';
    } finally {
      await engine.free();
    }
  } finally {
    await scratch?.drop();
  }
}

async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `alinea_diff_${randomUUID().replace(/-/g, '')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export function isEmptyMigration(sql: string): boolean {
  return sql.trim() === '' || sql.includes('This is an empty migration');
}

/**
 * Writes <dir>/<timestamp>_<name>/migration.sql when the schema changed; returns its dir or null. With
 * `postgresUrl` the migration is PostgreSQL's (default dir prisma/postgres/migrations); `folder` names it exactly
 * (the PostgreSQL twin of a SQLite migration keeps its name).
 */
export async function createMigration(
  name: string,
  dir?: string,
  opts: { postgresUrl?: string; folder?: string } = {},
): Promise<string | null> {
  const provider: Provider = opts.postgresUrl ? 'postgresql' : 'sqlite';
  dir ??= migrationsDirFor(provider);
  const sql = await diffMigrationsToSchema(dir, opts.postgresUrl);
  if (isEmptyMigration(sql)) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const target = path.join(dir, opts.folder ?? `${stamp}_${name.replace(/[^a-z0-9_]+/gi, '_')}`);
  await mkdir(target, { recursive: true });
  await writeFile(path.join(target, 'migration.sql'), sql);
  const lockPath = path.join(dir, 'migration_lock.toml');
  if (!existsSync(lockPath)) {
    await writeFile(lockPath, `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`);
  }
  return target;
}
