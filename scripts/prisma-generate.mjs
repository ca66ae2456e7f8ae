#!/usr/bin/env node
// `prisma generate` works offline once PRISMA_SCHEMA_ENGINE_BINARY points to any executable
// (generation itself is WebAssembly); otherwise it tries to download the native schema engine.
import { spawnSync } from 'node:child_process';
import { writeFileSync, chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'alinea-prisma-'));
const fake = join(dir, 'schema-engine');
writeFileSync(fake, '#!/bin/sh\nexit 1\n');
chmodSync(fake, 0o755);
const r = spawnSync('npx', ['prisma', 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: fake, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
});
process.exit(r.status ?? 1);
