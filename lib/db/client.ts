// The one PrismaClient of the process, shared by the app, the worker and the CLI.
// SQLite (better-sqlite3 adapter) by default; PostgreSQL (adapter-pg) when DATABASE_URL is a postgres URL.
// Prisma 7 generates a client per provider (scripts/prisma-generate.mjs): ./generated for SQLite, ./generated-pg
// for PostgreSQL, from the same models; the app is typed against the SQLite one, whose API the other's covers.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';
import { PrismaClient as PostgresPrismaClient } from './generated-pg/client.ts';
import { getConfig } from '../config/env.ts';
import { makeDataPrivate } from '../config/make-data-private.ts';

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { alineaDb?: PrismaClient; alineaDbUrl?: string };

export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, '');
}

function createClient(url: string): PrismaClient {
  // every process opens the database before it touches the data directory: the place to fix an old install's modes
  const { dataDir } = getConfig();
  if (/^postgres(ql)?:\/\//.test(url)) {
    makeDataPrivate({ dataDir });
    const client = new PostgresPrismaClient({
      adapter: new PrismaPg({ connectionString: url }),
      transactionOptions: { maxWait: 15_000, timeout: 30_000 },
    });
    return client as unknown as PrismaClient;
  }
  makeDataPrivate({ dataDir, sqliteFile: sqliteFilePath(url) });
  // timeout = busy timeout: the app and the worker write the same file; WAL is set by the migrator.
  // An interactive transaction may wait that long for the file's write lock (a worker writing a chapter) and for
  // the one connection (three uploads at once): Prisma's defaults (2 s to start, 5 s to finish) failed an upload
  // with P1008 "Operation has timed out" while workers were busy.
  return new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url, timeout: 15_000 }),
    transactionOptions: { maxWait: 15_000, timeout: 30_000 },
  });
}

export function getDb(): PrismaClient {
  const url = getConfig().databaseUrl;
  if (!globalForDb.alineaDb || globalForDb.alineaDbUrl !== url) {
    globalForDb.alineaDb = createClient(url);
    globalForDb.alineaDbUrl = url;
  }
  return globalForDb.alineaDb;
}

export async function disconnectDb(): Promise<void> {
  if (globalForDb.alineaDb) {
    await globalForDb.alineaDb.$disconnect();
    globalForDb.alineaDb = undefined;
    globalForDb.alineaDbUrl = undefined;
  }
}
