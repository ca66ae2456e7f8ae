// `alinea seed-demo`: a short Spanish audiobook made with espeak-ng (one MP3 per chapter, with a spoken
// LibriVox-style intro on the first) plus its ebook, imported into the project "Demo".
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDb } from '../db/client.ts';
import { getConfig } from '../config/env.ts';
import { ensureFirstAdmin } from '../auth/ensure-first-admin.ts';
import { migrateDatabase } from '../db/migrate-database.ts';
import { importBook } from '../ingest/import-book.ts';
import type { JobRegistry } from '../jobs/create-job-registry.ts';
import { DEMO_AUTHOR, DEMO_TITLE } from './demo-book.ts';
import { writeDemoFiles } from './write-demo-files.ts';

export const DEMO_PROJECT = 'Demo';

export async function seedDemo(opts: { registry: JobRegistry; force?: boolean; log?: (m: string) => void }) {
  const log = opts.log ?? (() => {});
  await migrateDatabase();
  const db = getDb();
  // someone must be able to sign in: the first admin, with a random password shown once
  const admin = await ensureFirstAdmin();
  if (admin) log(`Sign in at ${getConfig().authUrl ?? 'http://localhost:3000'} as ${admin.email} / ${admin.password} (also in ${admin.file})`);
  const existing = await db.project.findUnique({ where: { name: DEMO_PROJECT }, include: { books: true } });
  if (existing && existing.books.length > 0 && !opts.force) {
    log('demo project exists; nothing to do');
    return { created: false, projectId: existing.id };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'alinea-demo-'));
  try {
    const { audio, text } = await writeDemoFiles(dir);
    log('synthesised the demo audiobook');
    const summary = await importBook({ project: DEMO_PROJECT, audio, text, title: DEMO_TITLE, author: DEMO_AUTHOR, log, registry: opts.registry });
    return { created: true, ...summary };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
