#!/usr/bin/env node
// Generates the Prisma client into lib/db/generated, offline.
// `prisma generate` works offline once PRISMA_SCHEMA_ENGINE_BINARY points to any executable (generation itself
// is WebAssembly); otherwise it tries to download the native schema engine.
// With a postgres DATABASE_URL the client is generated for PostgreSQL from the same schema.
import { spawnSync } from 'node:child_process';
import { writeFileSync, chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'alinea-prisma-'));
const fake = join(dir, 'schema-engine');
writeFileSync(fake, '#!/bin/sh\nexit 1\n');
chmodSync(fake, 0o755);

const args = ['prisma', 'generate'];
let pgSchema;
if (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) {
  pgSchema = 'prisma/.schema.postgresql.prisma';
  const schema = readFileSync('prisma/schema.prisma', 'utf8').replace('provider = "sqlite"', 'provider = "postgresql"');
  writeFileSync(pgSchema, schema);
  args.push('--schema', pgSchema);
}
const r = spawnSync('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: fake, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
});
rmSync(dir, { recursive: true, force: true });
if (pgSchema) rmSync(pgSchema, { force: true });
process.exit(r.status ?? 1);
