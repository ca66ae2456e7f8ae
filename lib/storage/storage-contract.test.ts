// One contract, two backends: every test below runs on the local directory and on S3 (s3rver, started here in its
// own process on a port the system picks, stopped after).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStorage } from './local-storage.ts';
import { S3Storage } from './s3-storage.ts';
import { S3RVER_KEEP_KEY, startLocalS3, type LocalS3 } from './start-local-s3.ts';
import type { Storage } from './storage.ts';

const MiB = 1024 * 1024;

// A full collection on demand, so that memory samples count what is held, not garbage not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** Bytes held by JavaScript objects and buffers (where an object buffered whole would sit). */
const held = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

type Harness = {
  storage: Storage;
  /** Everything the backend holds, temp names included: local files under the root, or the bucket's keys. */
  rawNames(): Promise<string[]>;
  /** A temp object or file as a crashed writer leaves it. */
  plantLeftover(): Promise<void>;
  /** Empties the backend between tests. */
  clear(): Promise<void>;
  close(): Promise<void>;
};

async function localHarness(): Promise<Harness> {
  const root = await mkdtemp(path.join(tmpdir(), 'alinea-storage-'));
  const walk = async (dir: string, rel = ''): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const out: string[] = [];
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) out.push(...(await walk(path.join(dir, e.name), r)));
      else out.push(r);
    }
    return out;
  };
  return {
    storage: new LocalStorage(root),
    rawNames: () => walk(root),
    plantLeftover: async () => {
      await mkdir(path.join(root, '.tmp'), { recursive: true });
      await writeFile(path.join(root, '.tmp', 'left-by-a-crash'), 'x');
    },
    clear: async () => {
      await rm(root, { recursive: true, force: true });
      await mkdir(root, { recursive: true });
    },
    close: () => rm(root, { recursive: true, force: true }),
  };
}

let server: LocalS3 | undefined;

async function s3Harness(): Promise<Harness> {
  server = await startLocalS3({ bucket: 'alinea-contract' });
  const s = server;
  const scratchDir = await mkdtemp(path.join(tmpdir(), 'alinea-s3-scratch-'));
  const clientConfig = {
    endpoint: s.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED' as const,
    responseChecksumValidation: 'WHEN_REQUIRED' as const,
  };
  const raw = new S3Client(clientConfig);
  // 5 MiB parts (S3's smallest), one in flight: the memory test below can tell streaming from buffering
  const storage = new S3Storage({ bucket: s.bucket, prefix: 'site/files', scratchDir, clientConfig, partSize: 5 * MiB, queueSize: 1 });
  const rawNames = async () => {
    const res = await raw.send(new ListObjectsV2Command({ Bucket: s.bucket }));
    return (res.Contents ?? []).map((o) => o.Key!).filter((k) => k !== S3RVER_KEEP_KEY).sort();
  };
  return {
    storage,
    rawNames,
    plantLeftover: async () => {
      await raw.send(new PutObjectCommand({ Bucket: s.bucket, Key: 'site/files/.tmp/left-by-a-crash', Body: 'x' }));
    },
    clear: async () => {
      const keys = await rawNames();
      if (keys.length) await raw.send(new DeleteObjectsCommand({ Bucket: s.bucket, Delete: { Objects: keys.map((Key) => ({ Key })) } }));
    },
    close: async () => {
      raw.destroy();
      await s.stop();
      await rm(scratchDir, { recursive: true, force: true });
    },
  };
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Deterministic bytes: byte i is (i * 7 + 3) mod 251. */
function pattern(start: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) b[i] = ((start + i) * 7 + 3) % 251;
  return b;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each([
  ['local', localHarness],
  ['s3', s3Harness],
] as const)('storage contract (%s)', (name, makeHarness) => {
  let h: Harness;
  let storage: Storage;
  beforeAll(async () => {
    h = await makeHarness();
    storage = h.storage;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('stores a stream and gives it back whole: size, sha256, readAll, exists', async () => {
    await h.clear();
    const data = pattern(0, 100_000);
    const stored = await storage.putStream('books/b1/audio/a1/original.mp3', Readable.from([data.subarray(0, 60_000), data.subarray(60_000)]));
    expect(stored).toEqual({ key: 'books/b1/audio/a1/original.mp3', size: 100_000, sha256: sha256(data) });
    expect(await storage.size('books/b1/audio/a1/original.mp3')).toBe(100_000);
    expect(await storage.exists('books/b1/audio/a1/original.mp3')).toBe(true);
    expect((await storage.readAll('books/b1/audio/a1/original.mp3')).equals(data)).toBe(true);
    expect((await collect(storage.read('books/b1/audio/a1/original.mp3'))).equals(data)).toBe(true);
  });

  it(`streams a large upload through without holding it in memory (${name})`, async () => {
    await h.clear();
    const total = 64 * MiB; // ≥ 12 MB, and many 5 MiB parts on S3
    const chunk = 256 * 1024;
    const expected = createHash('sha256');
    gc();
    const base = held();
    let peak = 0;
    let made = 0;
    const source = new Readable({
      read() {
        if (made >= total) {
          this.push(null);
          return;
        }
        if (made % (2 * MiB) === 0) {
          gc();
          peak = Math.max(peak, held() - base);
        }
        const b = Buffer.alloc(chunk, made / chunk);
        b.writeUInt32LE(made, 0); // no two chunks alike
        made += chunk;
        expected.update(b);
        this.push(b);
      },
    });
    const stored = await storage.putStream('exports/e1/tfrecord/train-00000-of-00001.tfrecord', source);
    expect(stored.size).toBe(total);
    expect(stored.sha256).toBe(expected.digest('hex'));
    expect(await storage.size('exports/e1/tfrecord/train-00000-of-00001.tfrecord')).toBe(total);
    // buffering the object whole would grow memory by ≥ 64 MiB; a few parts in flight stay well under half
    expect(peak).toBeLessThan(total / 2);
    console.log(`[storage contract ${name}] a ${total / MiB} MiB put held at most ${(peak / MiB).toFixed(1)} MiB more`);
  });

  it('refuses a stream over maxBytes and leaves nothing behind, not even a temp object', async () => {
    await h.clear();
    const big = Readable.from((function* () {
      for (let i = 0; i < 12; i++) yield pattern(i * MiB, MiB); // 12 MiB: past the first 5 MiB part on S3
    })());
    await expect(storage.putStream('books/b1/audio/a2/original.mp3', big, { maxBytes: 7 * MiB, label: 'big.mp3' })).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining('big.mp3'),
    });
    expect(await storage.size('books/b1/audio/a2/original.mp3')).toBeNull();
    expect(await storage.list('')).toEqual([]);
    expect(await h.rawNames()).toEqual([]);
  });

  it('fails a put whose source fails, and stores nothing', async () => {
    await h.clear();
    const source = new PassThrough();
    const put = storage.putStream('books/b1/ebook/original.epub', source);
    source.write(pattern(0, 1000));
    source.destroy(new Error('client went away'));
    await expect(put).rejects.toThrow('client went away');
    expect(await h.rawNames()).toEqual([]);
  });

  it('never shows a half-written object: absent (or the old version) until the write completes', async () => {
    await h.clear();
    const old = pattern(5, 3000);
    await storage.putStream('books/b1/audio/a1/pcm.wav', Readable.from([old]));
    // two writers: one replacing an existing object, one making a new one
    const sources = [new PassThrough(), new PassThrough()] as const;
    const writing = storage.putStream('books/b1/audio/a1/pcm.wav', sources[0]);
    const fresh = storage.putStream('books/b1/audio/a3/pcm.wav', sources[1]);
    // 6 MiB written (more than one 5 MiB S3 part), then the writers pause mid-object
    for (let i = 0; i < 24; i++) {
      for (const src of sources) {
        if (!src.write(pattern(i * 256 * 1024, 256 * 1024))) await new Promise((r) => src.once('drain', r));
      }
    }
    await sleep(300);
    expect(await storage.size('books/b1/audio/a3/pcm.wav')).toBeNull();
    expect(await storage.exists('books/b1/audio/a3/pcm.wav')).toBe(false);
    await expect(collect(storage.read('books/b1/audio/a3/pcm.wav'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await storage.list('books')).map((e) => e.key)).toEqual(['books/b1/audio/a1/pcm.wav']);
    expect((await storage.readAll('books/b1/audio/a1/pcm.wav')).equals(old)).toBe(true);
    expect(await storage.size('books/b1/audio/a1/pcm.wav')).toBe(3000);
    for (const src of sources) src.end(pattern(6 * MiB, 10));
    await Promise.all([writing, fresh]);
    expect(await storage.size('books/b1/audio/a1/pcm.wav')).toBe(6 * MiB + 10);
    expect(await storage.size('books/b1/audio/a3/pcm.wav')).toBe(6 * MiB + 10);
    const tail = await collect(storage.read('books/b1/audio/a3/pcm.wav', { start: 6 * MiB, end: 6 * MiB + 9 }));
    expect(tail.equals(pattern(6 * MiB, 10))).toBe(true);
  });

  it('stats an object: its size, and a version that changes when it is replaced', async () => {
    await h.clear();
    await storage.putStream('books/b1/ebook/parsed.json', Readable.from([Buffer.from('{"a":1}')]));
    const first = await storage.stat('books/b1/ebook/parsed.json');
    expect(first).toEqual({ size: 7, version: expect.any(String) });
    expect(await storage.stat('books/b1/ebook/parsed.json')).toEqual(first);
    await sleep(1100); // S3's Last-Modified counts seconds
    await storage.putStream('books/b1/ebook/parsed.json', Readable.from([Buffer.from('{"a":2}')]));
    const second = await storage.stat('books/b1/ebook/parsed.json');
    expect(second?.size).toBe(7);
    expect(second?.version).not.toBe(first?.version);
    expect(await storage.stat('books/b1/ebook/none.json')).toBeNull();
  });

  it('reads byte ranges: inside, running past the end, and wholly past the end', async () => {
    await h.clear();
    const data = pattern(0, 1000);
    await storage.putStream('books/b1/audio/a1/peaks.bin', Readable.from([data]));
    expect((await collect(storage.read('books/b1/audio/a1/peaks.bin', { start: 100, end: 199 }))).equals(data.subarray(100, 200))).toBe(true);
    expect((await collect(storage.read('books/b1/audio/a1/peaks.bin', { start: 5, end: 5 }))).equals(data.subarray(5, 6))).toBe(true);
    expect((await collect(storage.read('books/b1/audio/a1/peaks.bin', { start: 990, end: 5000 }))).equals(data.subarray(990))).toBe(true);
    expect((await collect(storage.read('books/b1/audio/a1/peaks.bin', { start: 1000, end: 1999 }))).length).toBe(0);
  });

  it('answers a missing key: size null, exists false, read and readAll fail with ENOENT', async () => {
    await h.clear();
    expect(await storage.size('books/none/x.wav')).toBeNull();
    expect(await storage.exists('books/none/x.wav')).toBe(false);
    await expect(storage.readAll('books/none/x.wav')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(collect(storage.read('books/none/x.wav', { start: 0, end: 9 }))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(storage.download('books/none/x.wav', path.join(tmpdir(), `alinea-none-${process.pid}.wav`))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(path.join(tmpdir(), `alinea-none-${process.pid}.wav`))).toBe(false);
  });

  it('lists under a prefix (a folder, not a string prefix), sorted, with sizes', async () => {
    await h.clear();
    for (const [k, n] of [['books/b1/z.txt', 3], ['books/b1/a/1.txt', 1], ['books/b10/x.txt', 2], ['runs/r1/c.json', 4]] as const) {
      await storage.putStream(k, Readable.from([pattern(0, n)]));
    }
    expect(await storage.list('books/b1')).toEqual([
      { key: 'books/b1/a/1.txt', size: 1 },
      { key: 'books/b1/z.txt', size: 3 },
    ]);
    expect((await storage.list('')).map((e) => e.key)).toEqual(['books/b1/a/1.txt', 'books/b1/z.txt', 'books/b10/x.txt', 'runs/r1/c.json']);
    expect(await storage.list('books/b2')).toEqual([]);
    expect(await storage.list('books/b1/z.txt')).toEqual([]);
  });

  it('deletes one key, a whole prefix (not its namesakes), and a missing key quietly', async () => {
    await h.clear();
    for (const k of ['books/b1/a.txt', 'books/b1/sub/b.txt', 'books/b10/c.txt', 'books/b2/d.txt']) {
      await storage.putStream(k, Readable.from([Buffer.from(k)]));
    }
    await storage.delete('books/b2/d.txt');
    expect(await storage.exists('books/b2/d.txt')).toBe(false);
    await storage.delete('books/b1');
    expect((await storage.list('')).map((e) => e.key)).toEqual(['books/b10/c.txt']);
    await storage.delete('books/never/there.txt');
    expect(await storage.exists('books/b10/c.txt')).toBe(true);
  });

  it('gives tools a local file (withLocalFile, download) with the stored bytes', async () => {
    await h.clear();
    const data = pattern(1, 70_000);
    await storage.putStream('books/b1/audio/a1/original.mp3', Readable.from([data]));
    let seen = '';
    const got = await storage.withLocalFile('books/b1/audio/a1/original.mp3', async (file) => {
      seen = file;
      expect(path.extname(file)).toBe('.mp3');
      return readFile(file);
    });
    expect(got.equals(data)).toBe(true);
    if (storage.kind === 's3') expect(existsSync(seen)).toBe(false); // the scratch copy is gone
    const dir = await mkdtemp(path.join(tmpdir(), 'alinea-download-'));
    try {
      await storage.download('books/b1/audio/a1/original.mp3', path.join(dir, 'in', 'copy.mp3'));
      expect((await readFile(path.join(dir, 'in', 'copy.mp3'))).equals(data)).toBe(true);
      expect(await readdir(path.join(dir, 'in'))).toEqual(['copy.mp3']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stores what a writer makes at a given path (putWith); a failed writer stores nothing and leaves nothing', async () => {
    await h.clear();
    const seen: string[] = [];
    const result = await storage.putWith('books/b1/audio/a1/peaks.bin', async (file) => {
      seen.push(file);
      await writeFile(file, pattern(3, 4000));
      expect(await storage.exists('books/b1/audio/a1/peaks.bin')).toBe(false); // not before the writer is done
      return { count: 7 };
    });
    expect(result).toEqual({ count: 7 });
    expect((await storage.readAll('books/b1/audio/a1/peaks.bin')).equals(pattern(3, 4000))).toBe(true);
    expect(existsSync(seen[0]!)).toBe(false); // renamed into place, or uploaded and removed
    await expect(
      storage.putWith('books/b1/audio/a1/pcm.wav', async (file) => {
        seen.push(file);
        await writeFile(file, 'half');
        throw new Error('ffmpeg died');
      }),
    ).rejects.toThrow('ffmpeg died');
    expect(existsSync(seen[1]!)).toBe(false);
    expect(await storage.exists('books/b1/audio/a1/pcm.wav')).toBe(false);
    expect((await h.rawNames()).filter((n) => !n.includes('peaks.bin'))).toEqual([]);
  });

  it('stores local files (copied or moved) and whole directories, replacing what the prefix held', async () => {
    await h.clear();
    const dir = await mkdtemp(path.join(tmpdir(), 'alinea-put-'));
    try {
      await writeFile(path.join(dir, 'one.bin'), pattern(0, 500));
      expect(await storage.putFile('runs/r1/one.bin', path.join(dir, 'one.bin'))).toEqual({ key: 'runs/r1/one.bin', size: 500, sha256: sha256(pattern(0, 500)) });
      expect(existsSync(path.join(dir, 'one.bin'))).toBe(true);
      await storage.putFile('runs/r1/moved.bin', path.join(dir, 'one.bin'), { move: true });
      expect(existsSync(path.join(dir, 'one.bin'))).toBe(false);
      expect((await storage.readAll('runs/r1/moved.bin')).equals(pattern(0, 500))).toBe(true);

      await storage.putStream('exports/e1/stale.txt', Readable.from([Buffer.from('old')]));
      const tree = path.join(dir, 'tree');
      await mkdir(path.join(tree, 'tfrecord'), { recursive: true });
      await writeFile(path.join(tree, 'dataset.json'), '{"ok":true}');
      await writeFile(path.join(tree, 'tfrecord', 'train-00000-of-00001.tfrecord'), pattern(0, 2000));
      const entries = await storage.putDirectory('exports/e1', tree, { last: ['dataset.json'] });
      expect(entries.map((e) => e.key).sort()).toEqual(['exports/e1/dataset.json', 'exports/e1/tfrecord/train-00000-of-00001.tfrecord']);
      expect(await storage.list('exports/e1')).toEqual([
        { key: 'exports/e1/dataset.json', size: 11 },
        { key: 'exports/e1/tfrecord/train-00000-of-00001.tfrecord', size: 2000 },
      ]);
      expect(existsSync(tree)).toBe(true);
      await storage.putDirectory('exports/e1', tree, { move: true });
      expect(existsSync(tree)).toBe(false);
      expect((await storage.list('exports/e1')).length).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('sweeps what a crashed writer left under its temp names, and nothing else', async () => {
    await h.clear();
    await storage.putStream('books/b1/keep.txt', Readable.from([Buffer.from('keep')]));
    const before = await h.rawNames();
    await h.plantLeftover();
    expect((await h.rawNames()).length).toBe(before.length + 1);
    expect((await storage.list('')).map((e) => e.key)).toEqual(['books/b1/keep.txt']); // temp names are never listed
    await sleep(20);
    expect(await storage.sweepTemp(0)).toEqual({ files: 1, bytes: 1 });
    expect(await h.rawNames()).toEqual(before);
    expect(await storage.exists('books/b1/keep.txt')).toBe(true);
  });

  it('refuses keys that escape their folder', async () => {
    for (const bad of ['', '/abs', 'a/../b', 'a//b', 'a/./b']) {
      expect(() => storage.read(bad)).toThrow(/Invalid storage key/);
      await expect(storage.size(bad)).rejects.toThrow(/Invalid storage key/);
    }
  });
});

describe('S3 backend specifics', () => {
  it('keeps every object under the URL prefix, publishes by copying a temp key, and reports the URL in errors', async () => {
    const s = await startLocalS3({ bucket: 'alinea-prefix' });
    const scratchDir = await mkdtemp(path.join(tmpdir(), 'alinea-s3-scratch-'));
    const clientConfig = {
      endpoint: s.endpoint,
      region: 'eu-west-1',
      forcePathStyle: true,
      credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    };
    const raw = new S3Client(clientConfig);
    try {
      const storage = new S3Storage({ bucket: s.bucket, prefix: 'a/b', scratchDir, clientConfig });
      await storage.putStream('books/x.txt', Readable.from([Buffer.from('x')]));
      const res = await raw.send(new ListObjectsV2Command({ Bucket: s.bucket }));
      expect((res.Contents ?? []).map((o) => o.Key).filter((k) => k !== S3RVER_KEEP_KEY)).toEqual(['a/b/books/x.txt']);
      expect(() => storage.localPath('books/x.txt')).toThrow(/s3:\/\/alinea-prefix\/a\/b\/ has no local files .*withLocalFile/);
      expect(storage.tempPath('.wav').startsWith(scratchDir)).toBe(true);
    } finally {
      raw.destroy();
      await s.stop();
      await rm(scratchDir, { recursive: true, force: true });
    }
  });
});
