// What the contract tests cannot reach through s3rver: objects over one CopyObject's 5 GiB are published with
// UploadPartCopy, which s3rver lacks. Here a thin wrapper around a real client performs each UploadPartCopy as a
// ranged GetObject + UploadPart, so the parts' ranges are checked by the bytes that arrive under the final key.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, S3Client, UploadPartCommand, UploadPartCopyCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useS3TestStorage } from '../testing/use-s3-test-storage.ts';
import { S3RVER_KEEP_KEY } from './start-local-s3.ts';
import { S3Storage, type S3Sender } from './s3-storage.ts';

const MiB = 1024 * 1024;

describe('S3Storage: publishing a large object part by part', () => {
  const s3 = useS3TestStorage({ bucket: 'alinea-copy', select: false });
  let real: S3Client;
  let scratchDir: string;
  beforeAll(async () => {
    real = new S3Client({ endpoint: s3.server.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: s3.server.accessKeyId, secretAccessKey: s3.server.secretAccessKey } });
    scratchDir = await mkdtemp(path.join(tmpdir(), 'alinea-s3-copy-'));
  });
  afterAll(async () => {
    real.destroy();
    await rm(scratchDir, { recursive: true, force: true });
  });

  function wrapper(opts: { failPart?: number } = {}) {
    const ranges: string[] = [];
    const sender = {
      config: real.config,
      send: async (command: unknown, options?: unknown) => {
        if (command instanceof UploadPartCopyCommand) {
          const { Bucket, Key, UploadId, PartNumber, CopySource, CopySourceRange } = command.input;
          if (PartNumber === opts.failPart) throw new Error(`part ${PartNumber} failed`);
          ranges.push(CopySourceRange!);
          const source = CopySource!.slice(Bucket!.length + 1).split('/').map(decodeURIComponent).join('/');
          const got = await real.send(new GetObjectCommand({ Bucket, Key: source, Range: CopySourceRange }));
          const body = Buffer.from(await got.Body!.transformToByteArray());
          const put = await real.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body: body }));
          return { CopyPartResult: { ETag: put.ETag } };
        }
        return (real.send as (c: unknown, o?: unknown) => Promise<unknown>)(command, options);
      },
    } as unknown as S3Sender;
    return { sender, ranges };
  }

  const data = Buffer.alloc(12 * MiB + 3);
  for (let i = 0; i + 4 <= data.length; i += 4096) data.writeUInt32LE(i, i);

  it('copies in parts that cover the object exactly, and publishes the same bytes', async () => {
    const { sender, ranges } = wrapper();
    const storage = new S3Storage({ bucket: s3.server.bucket, prefix: 'p', scratchDir, client: sender, maxSingleCopyBytes: MiB, copyPartSize: 5 * MiB, partSize: 5 * MiB });
    const stored = await storage.putStream('exports/e1/big.tfrecord', Readable.from([data]));
    expect(stored.size).toBe(data.length);
    expect(ranges).toEqual([`bytes=0-${5 * MiB - 1}`, `bytes=${5 * MiB}-${10 * MiB - 1}`, `bytes=${10 * MiB}-${12 * MiB + 2}`]);
    expect((await storage.readAll('exports/e1/big.tfrecord')).equals(data)).toBe(true);
    const keys = (await real.send(new ListObjectsV2Command({ Bucket: s3.server.bucket }))).Contents?.map((o) => o.Key).filter((k) => k !== S3RVER_KEEP_KEY);
    expect(keys).toEqual(['p/exports/e1/big.tfrecord']); // the temp key is gone
  });

  it('publishes nothing when a part fails, and removes the temp object', async () => {
    const { sender } = wrapper({ failPart: 2 });
    const storage = new S3Storage({ bucket: s3.server.bucket, prefix: 'q', scratchDir, client: sender, maxSingleCopyBytes: MiB, copyPartSize: 5 * MiB, partSize: 5 * MiB });
    await expect(storage.putStream('exports/e1/big.tfrecord', Readable.from([data]))).rejects.toThrow('part 2 failed');
    expect(await storage.exists('exports/e1/big.tfrecord')).toBe(false);
    const keys = (await real.send(new ListObjectsV2Command({ Bucket: s3.server.bucket, Prefix: 'q/' }))).Contents ?? [];
    expect(keys).toEqual([]);
  });
});
