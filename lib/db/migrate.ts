// Applies Prisma migrations without Prisma's native schema engine (which downloads a binary at run time and
// so fails offline): the schema engine's WebAssembly build, driven through the better-sqlite3 driver adapter.
// Migrations stay in Prisma's folder format, so `prisma migrate deploy` also works where the binary exists.
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const PROJECT_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const SCHEMA_PATH = path.join(PROJECT_ROOT, 'prisma/schema.prisma');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma/migrations');

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

async function openEngine(sqliteUrl: string): Promise<Engine> {
  bgPromise ??= loadWasm();
  const bg = await bgPromise;
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const factory = new PrismaBetterSqlite3({ url: sqliteUrl });
  // engine.free() does not close the adapter's connections; keep them to close ourselves (an open one would
  // hold SQLite's lock and make the next engine on the same file time out).
  const opened: { dispose(): Promise<void> }[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  // The engine replays migration files on the shadow database through executeRaw, which better-sqlite3 refuses
  // for multi-statement SQL ("contains more than one statement"): run such scripts with executeScript instead.
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectToShadowDb();
    opened.push(shadow);
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (e) {
        if (query.args.length === 0 && /more than one statement/.test(String(e))) {
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
    bindMigrationAwareSqlAdapterFactory(factory as never),
  );
  return {
    applyMigrations: (input) => engine.applyMigrations(input),
    diff: (input) => engine.diff(input),
    free: async () => {
      await engine.free();
      await Promise.all(opened.map((a) => a.dispose().catch(() => {})));
    },
  };
}

const FILTERS = { externalTables: [], externalEnums: [] };

export async function listMigrations(dir = MIGRATIONS_DIR) {
  const lockPath = path.join(dir, 'migration_lock.toml');
  const lock = existsSync(lockPath) ? await readFile(lockPath, 'utf8') : 'provider = "sqlite"\n';
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

/** Applies pending migrations to a SQLite database; returns the names applied now. */
export async function applyMigrations(sqliteUrl: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const engine = await openEngine(sqliteUrl);
  try {
    const r = await engine.applyMigrations({ migrationsList: await listMigrations(dir), filters: FILTERS });
    return r.appliedMigrationNames;
  } finally {
    await engine.free();
  }
}

/** SQL that takes the database built by the migrations folder to the schema in schema.prisma. */
export async function diffMigrationsToSchema(dir = MIGRATIONS_DIR): Promise<string> {
  const engine = await openEngine(':memory:');
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const from = (await listMigrations(dir)).migrationDirectories.length
    ? { tag: 'migrations', ...(await listMigrations(dir)) }
    : { tag: 'empty' };
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
}

export function isEmptyMigration(sql: string): boolean {
  return sql.trim() === '' || sql.includes('This is an empty migration');
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql when the schema changed; returns its dir or null. */
export async function createMigration(name: string, dir = MIGRATIONS_DIR): Promise<string | null> {
  const sql = await diffMigrationsToSchema(dir);
  if (isEmptyMigration(sql)) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const target = path.join(dir, `${stamp}_${name.replace(/[^a-z0-9_]+/gi, '_')}`);
  await mkdir(target, { recursive: true });
  await writeFile(path.join(target, 'migration.sql'), sql);
  const lockPath = path.join(dir, 'migration_lock.toml');
  if (!existsSync(lockPath)) {
    await writeFile(lockPath, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "sqlite"\n');
  }
  return target;
}
