// An export made with the chapters' audio in an S3-compatible bucket (s3rver) is byte for byte the export made from
// the local directory: the export job fetches each chapter's 16 kHz audio as a scratch copy (only when an example
// needs cutting) and removes it, so it needs no disk shared with the web server for its input.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../config/env.ts';
import { getDb } from '../db/client.ts';
import { s3EnvFor, S3_ENV_VARS, startLocalS3, type LocalS3 } from '../storage/start-local-s3.ts';
import { getStorage } from '../storage/storage.ts';
import { seedExportCorpus } from '../testing/seed-export-corpus.ts';
import { useTestEnv } from '../testing/use-test-env.ts';
import { parseExportSettings } from './export-settings.ts';
import { runExport } from './run-export.ts';

const env = useTestEnv();
let server: LocalS3;
let work: string;
beforeAll(async () => {
  server = await startLocalS3({ bucket: 'alinea-export' });
  work = await mkdtemp(path.join(tmpdir(), 'alinea-export-s3-'));
});
afterAll(async () => {
  for (const v of S3_ENV_VARS) delete process.env[v];
  resetConfigForTests();
  await server?.stop();
  await rm(work, { recursive: true, force: true });
});

/** Every file under `dir` (relative path → sha256), dataset.json without its creation time. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    let bytes = await readFile(file);
    if (e.name === 'dataset.json') {
      const json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      delete json.createdAt;
      bytes = Buffer.from(JSON.stringify(json));
    }
    out[path.relative(dir, file)] = createHash('sha256').update(bytes).digest('hex');
  }
  return out;
}

describe('export with the audio in an S3 bucket', () => {
  it('writes the same files, byte for byte, as from the local directory, and leaves no scratch copy', async () => {
    const corpus = await seedExportCorpus({ projectName: 'Corpus en el cubo', books: 2, chaptersPerBook: 2 });
    const settings = parseExportSettings({ projectId: corpus.projectId, formats: ['tfrecord', 'librispeech', 'jsonl'] });
    const local = path.join(work, 'from-local');
    const a = await runExport({ settings, dir: local });
    expect(a.examples).toBeGreaterThan(0);

    // the same database, the audio moved into the bucket under the same keys, and gone from the local directory
    const keys = (await getDb().audioFile.findMany({ select: { pcmKey: true } })).map((x) => x.pcmKey!);
    const files = new Map(keys.map((k) => [k, getStorage().localPath(k)]));
    Object.assign(process.env, s3EnvFor(server));
    resetConfigForTests();
    expect(getStorage().kind).toBe('s3');
    for (const [key, file] of files) await getStorage().putFile(key, file);
    await rm(path.join(env.dataDir, 'files'), { recursive: true, force: true });

    const fromS3 = path.join(work, 'from-s3');
    const b = await runExport({ settings, dir: fromS3 });
    expect(b.examples).toBe(a.examples);
    const [ta, tb] = [await tree(local), await tree(fromS3)];
    expect(Object.keys(tb).length).toBeGreaterThan(3);
    expect(tb).toEqual(ta);
    // no scratch copy of the audio left on this machine
    const scratch = existsSync(env.dataDir) ? (await readdir(env.dataDir, { recursive: true })).filter((f) => String(f).endsWith('.wav')) : [];
    expect(scratch).toEqual([]);
  });
});
