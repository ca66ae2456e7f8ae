import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tfrecordTestRecords, writeTFRecordFile } from '../testing/tfrecord-fixture.ts';
import { encodeExample } from './example-proto.ts';
import { TFRecordWriter } from './tfrecord-writer.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-tfrecord-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NOTES_RECORD = '0e00000000000000c5e5693f0a0c0a0a0a017412051a030a0101a6108be2';

describe('TFRecordWriter', () => {
  it('frames {t: int64_list [1]} exactly as the notes vector', async () => {
    const file = path.join(dir, 'one.tfrecord');
    const info = await writeTFRecordFile(file, [encodeExample({ t: { kind: 'int64', value: [1] } })]);
    const bytes = await readFile(file);
    expect(bytes.toString('hex')).toBe(NOTES_RECORD);
    expect(info).toEqual({
      file,
      records: 1,
      bytes: bytes.length,
      rawBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('writes byte-identical files for the same records, and leaves no temp files', async () => {
    for (const gzip of [false, true]) {
      const a = await writeTFRecordFile(path.join(dir, `a-${gzip}.tfrecord`), tfrecordTestRecords(), gzip);
      const b = await writeTFRecordFile(path.join(dir, `b-${gzip}.tfrecord`), tfrecordTestRecords(), gzip);
      expect(a.sha256).toBe(b.sha256);
      expect(a.records).toBe(tfrecordTestRecords().length);
    }
    expect((await readdir(dir)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('gzips the whole record stream (compression_type GZIP)', async () => {
    const plain = await writeTFRecordFile(path.join(dir, 'p.tfrecord'), tfrecordTestRecords());
    const gz = await writeTFRecordFile(path.join(dir, 'g.tfrecord'), tfrecordTestRecords(), true);
    const unzipped = gunzipSync(await readFile(gz.file));
    expect(unzipped.equals(await readFile(plain.file))).toBe(true);
    expect(gz.rawBytes).toBe(plain.bytes);
    expect(gz.bytes).toBe((await readFile(gz.file)).length);
    expect(gz.sha256).toBe(createHash('sha256').update(await readFile(gz.file)).digest('hex'));
  });

  it('fails a write when the file cannot be written, leaving nothing behind', async () => {
    const w = new TFRecordWriter(path.join(dir, 'missing-dir', 'x.tfrecord'));
    await expect(
      (async () => {
        for (let i = 0; i < 100; i++) await w.write(new Uint8Array(1 << 20));
      })(),
    ).rejects.toThrow(/ENOENT/);
    await expect(w.write(new Uint8Array(1))).rejects.toThrow(/after close or abort/);
  });

  it('abort removes the temp file and never creates the target', async () => {
    const file = path.join(dir, 'aborted.tfrecord');
    const w = new TFRecordWriter(file);
    await w.write(new Uint8Array(100));
    await w.abort();
    const names = await readdir(dir);
    expect(names.filter((n) => n.startsWith('aborted'))).toEqual([]);
  });
});
