#!/usr/bin/env node
// Generates the Prisma clients, offline: lib/db/generated (SQLite) and lib/db/generated-pg (PostgreSQL).
// Prisma 7's `prisma-client` output is provider specific (its activeProvider and the query compiler it loads), so
// the PostgreSQL client is generated from the same schema with the datasource's provider swapped; lib/db/client.ts
// picks one by DATABASE_URL.
// `prisma generate` works offline once PRISMA_SCHEMA_ENGINE_BINARY points to any executable (generation itself
// is WebAssembly); otherwise it tries to download the native schema engine.
import { spawnSync } from 'node:child_process';
import { writeFileSync, chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'alinea-prisma-'));
const fake = join(dir, 'schema-engine');
writeFileSync(fake, '#!/bin/sh\nexit 1\n');
chmodSync(fake, 0o755);

// beside schema.prisma, so that the generator's relative output resolves the same way
const pgSchema = 'prisma/.schema.postgresql.prisma';
const schema = readFileSync('prisma/schema.prisma', 'utf8');
const swapped = schema
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('output              = "../lib/db/generated"', 'output              = "../lib/db/generated-pg"');
if (!swapped.includes('provider = "postgresql"') || !swapped.includes('"../lib/db/generated-pg"')) {
  console.error('scripts/prisma-generate.mjs: could not derive the PostgreSQL schema (datasource provider or generator output changed?)');
  process.exit(1);
}
writeFileSync(pgSchema, swapped);

let status = 0;
try {
  for (const args of [['prisma', 'generate'], ['prisma', 'generate', '--schema', pgSchema]]) {
    const r = spawnSync('npx', args, {
      stdio: 'inherit',
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: fake, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
    });
    status = r.status ?? 1;
    if (status !== 0) break;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(pgSchema, { force: true });
}
process.exit(status);
