import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tfrecordTestRecords, writeTFRecordFile } from '../testing/tfrecord-fixture.ts';
import { AppError } from '../errors/app-error.ts';
import { readTFRecords } from './tfrecord-reader.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-tfrecord-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Records compared by length and SHA-256: deep equality of multi-MB typed arrays is slow in expect().
const digest = (r: Uint8Array) => `${r.length}:${createHash('sha256').update(r).digest('hex')}`;

async function readAll(file: string, compression?: 'auto' | 'gzip' | 'none'): Promise<string[]> {
  const out: string[] = [];
  for await (const r of readTFRecords(file, { compression })) out.push(digest(r));
  return out;
}

async function readError(file: string): Promise<AppError> {
  try {
    await readAll(file);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('readTFRecords', () => {
  it('reads back every record, plain and gzip, detected or explicit', async () => {
    const recs = tfrecordTestRecords();
    const expected = recs.map(digest);
    const plain = await writeTFRecordFile(path.join(dir, 'r.tfrecord'), recs);
    const gz = await writeTFRecordFile(path.join(dir, 'r.tfrecord.gz'), recs, true);
    expect(await readAll(plain.file)).toEqual(expected);
    expect(await readAll(gz.file)).toEqual(expected);
    expect(await readAll(plain.file, 'none')).toEqual(expected);
    expect(await readAll(gz.file, 'gzip')).toEqual(expected);
  });

  it('reads an empty file as no records', async () => {
    const file = path.join(dir, 'empty.tfrecord');
    await writeTFRecordFile(file, []);
    expect(await readAll(file)).toEqual([]);
  });

  it('reports a corrupt data byte with the file name and record index', async () => {
    const recs = tfrecordTestRecords().slice(0, 4);
    const { file } = await writeTFRecordFile(path.join(dir, 'bad-data.tfrecord'), recs);
    const bytes = await readFile(file);
    // Record 3 starts after records 0..2: 16 bytes framing each.
    const start3 = recs.slice(0, 3).reduce((n, r) => n + r.length + 16, 0);
    bytes[start3 + 12 + 500] = bytes[start3 + 12 + 500]! ^ 0x01;
    await writeFile(file, bytes);
    const err = await readError(file);
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('"bad-data.tfrecord"');
    expect(err.message).toContain('record 3 has corrupt data');
    expect(err.details).toMatchObject({ file: 'bad-data.tfrecord', record: 3 });
  });

  it('reports a corrupt length, a corrupt CRC field and truncation', async () => {
    const recs = tfrecordTestRecords().slice(0, 3);
    const { file } = await writeTFRecordFile(path.join(dir, 'bad.tfrecord'), recs);
    const good = await readFile(file);
    const start2 = recs[0]!.length + 16 + recs[1]!.length + 16;

    const badLen = Buffer.from(good);
    badLen[start2] = badLen[start2]! ^ 0x02;
    await writeFile(file, badLen);
    expect((await readError(file)).message).toContain('record 2 has a corrupt length');

    const badCrc = Buffer.from(good);
    badCrc[good.length - 1] = badCrc[good.length - 1]! ^ 0x80;
    await writeFile(file, badCrc);
    expect((await readError(file)).message).toContain('record 2 has corrupt data');

    for (const cut of [good.length - 1, start2 + 5, start2 + 12 + 3]) {
      await writeFile(file, good.subarray(0, cut));
      expect((await readError(file)).message).toContain('record 2 is truncated');
    }
  });

  it('reports a damaged gzip stream', async () => {
    const { file } = await writeTFRecordFile(path.join(dir, 'bad.tfrecord.gz'), tfrecordTestRecords(), true);
    const good = await readFile(file);
    await writeFile(file, good.subarray(0, Math.floor(good.length / 2)));
    expect((await readError(file)).code).toBe('INVALID_INPUT');
  });
});
