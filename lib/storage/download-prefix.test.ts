// downloadPrefix on both backends: the local directory and S3 (s3rver, started here in its own process).
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadPrefix } from './download-prefix.ts';
import { LocalStorage } from './local-storage.ts';
import { S3Storage } from './s3-storage.ts';
import { startLocalS3, type LocalS3 } from './start-local-s3.ts';
import type { Storage } from './storage.ts';

let work: string;
let server: LocalS3 | undefined;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'alinea-download-prefix-'));
});
afterAll(async () => {
  await server?.stop();
  await rm(work, { recursive: true, force: true });
});

async function localStorage(): Promise<Storage> {
  return new LocalStorage(await mkdtemp(path.join(work, 'root-')));
}

async function s3Storage(): Promise<Storage> {
  server = await startLocalS3({ bucket: 'alinea-download' });
  return new S3Storage({
    bucket: server.bucket,
    prefix: 'site',
    scratchDir: await mkdtemp(path.join(work, 'scratch-')),
    clientConfig: {
      endpoint: server.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
  });
}

/** Every file under `dir`, relative, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe.each([
  ['local', localStorage],
  ['s3', s3Storage],
] as const)('downloadPrefix (%s)', (name, make) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await make();
    const src = path.join(work, `src-${name}`);
    await mkdir(path.join(src, 'tfrecord'), { recursive: true });
    await writeFile(path.join(src, 'dataset.json'), '{"name":"x"}\n');
    await writeFile(path.join(src, 'vocab.txt'), '<blank>\na\n');
    for (let i = 0; i < 6; i++) await writeFile(path.join(src, 'tfrecord', `train-0000${i}-of-00006.tfrecord`), Buffer.alloc(1000 + i * 777, i));
    await writeFile(path.join(src, 'big.flac'), Buffer.alloc(300_000, 7));
    await storage.putDirectory('exports/e1', src, { last: ['dataset.json'] });
    // a neighbour whose key starts the same must not come along
    await storage.putStream('exports/e10/dataset.json', Readable.from([Buffer.from('other')]));
  });

  it('copies every object under the prefix into the directory, same bytes, same layout', async () => {
    const to = path.join(work, `all-${name}`);
    const got = await downloadPrefix(storage, 'exports/e1', to, { concurrency: 3 });
    const expected = ['big.flac', 'dataset.json', ...Array.from({ length: 6 }, (_, i) => `tfrecord/train-0000${i}-of-00006.tfrecord`), 'vocab.txt'];
    expect(got.map((e) => e.relative)).toEqual(expected);
    expect(await filesUnder(to)).toEqual(expected.map((r) => r.split('/').join(path.sep)));
    for (const e of got) {
      expect(e.key).toBe(`exports/e1/${e.relative}`);
      expect(e.file).toBe(path.join(to, ...e.relative.split('/')));
      const bytes = await readFile(e.file);
      expect(bytes.length).toBe(e.size);
      expect(bytes.equals(await storage.readAll(e.key))).toBe(true);
    }
  });

  it('copies only what the filter picks; an empty prefix copies nothing', async () => {
    const to = path.join(work, `some-${name}`);
    const got = await downloadPrefix(storage, 'exports/e1', to, { filter: (r) => r.startsWith('tfrecord/') || r === 'vocab.txt' });
    expect(got).toHaveLength(7);
    expect(await filesUnder(to)).not.toContain('big.flac');
    expect(await downloadPrefix(storage, 'exports/none', path.join(work, `none-${name}`))).toEqual([]);
    expect(await filesUnder(path.join(work, `none-${name}`))).toEqual([]);
  });

  it('stops between files when its signal is aborted', async () => {
    const c = new AbortController();
    c.abort(new Error('stop'));
    await expect(downloadPrefix(storage, 'exports/e1', path.join(work, `stopped-${name}`), { signal: c.signal })).rejects.toThrow('stop');
    expect(await filesUnder(path.join(work, `stopped-${name}`))).toEqual([]);
  });
});
