// The S3-compatible backend (ALINEA_STORAGE_URL=s3://bucket/prefix): AWS S3, MinIO, Ceph, R2, s3rver in the tests.
// Writes stream as a multipart upload (parts of `partSize`, `queueSize` in flight: memory stays at a few parts
// whatever the object's size) under a temp key `<prefix>/.tmp/<uuid>`, then CopyObject publishes it under its
// final key and the temp key goes: S3 has no rename, and readers only ever look up final keys, so none sees a
// half-written object, and one refused for its size (maxBytes) never appears. The SDK is loaded on first use, so
// processes on local storage never load it.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import type { StorageConfig } from '../config/env.ts';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../config/make-data-private.ts';
import { listLocalFiles } from './local-storage.ts';
import { meter } from './meter.ts';
import type { ByteRange, Storage, StoredEntry, StoredFile } from './storage.ts';
import { assertKey } from './storage-key.ts';
import { sweepStaleTempFiles, type SweepResult } from './sweep-stale-temp-files.ts';
import { publishAtomic } from './write-file-atomic.ts';

type Sdk = typeof import('@aws-sdk/client-s3') & { Upload: (typeof import('@aws-sdk/lib-storage'))['Upload'] };
let sdkLoading: Promise<Sdk> | undefined;
function loadSdk(): Promise<Sdk> {
  sdkLoading ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')]).then(([s3, lib]) => ({ ...s3, Upload: lib.Upload }));
  return sdkLoading;
}

/** What this backend uses of a client (lib-storage reads its config); a test can hand in a wrapper. */
export type S3Sender = Pick<S3Client, 'send' | 'config'>;

export type S3StorageOptions = {
  bucket: string;
  /** Key prefix without leading or trailing slash; '' for the whole bucket. */
  prefix: string;
  /** Local folder for scratch copies (withLocalFile) and work files (tempPath). */
  scratchDir: string;
  /** The client's settings (endpoint, region, credentials …); or `client`, a ready one. */
  clientConfig?: S3ClientConfig;
  client?: S3Sender;
  /** Bytes per uploaded part: S3 wants ≥ 5 MiB (but the last) and ≤ 10,000 parts, so 8 MiB covers 80 GB. */
  partSize?: number;
  /** Parts uploaded at once. */
  queueSize?: number;
  /** Objects up to this size are published with one CopyObject (S3's limit: 5 GiB); larger ones part by part. */
  maxSingleCopyBytes?: number;
  /** Part size of a copy in parts (≤ 5 GiB each). */
  copyPartSize?: number;
};

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** S3's "no such key" (GetObject: NoSuchKey; HeadObject: a bare 404 "NotFound"). */
function isNotFound(e: unknown): boolean {
  const err = e as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === 'NoSuchKey' || err?.name === 'NotFound' || err?.Code === 'NoSuchKey' || err?.$metadata?.httpStatusCode === 404;
}

function isInvalidRange(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === 'InvalidRange' || err?.$metadata?.httpStatusCode === 416;
}

/** The same error a missing local file gives (code ENOENT), so callers handle both backends alike. */
function notFound(key: string): Error {
  return Object.assign(new Error(`ENOENT: no stored object "${key}"`), { code: 'ENOENT' });
}

export class S3Storage implements Storage {
  readonly kind = 's3' as const;
  readonly bucket: string;
  /** '' or the prefix followed by '/'. */
  private readonly base: string;
  private readonly scratchDir: string;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly maxSingleCopyBytes: number;
  private readonly copyPartSize: number;
  private clientMade: Promise<S3Sender> | undefined;

  constructor(private readonly opts: S3StorageOptions) {
    this.bucket = opts.bucket;
    this.base = opts.prefix ? `${opts.prefix}/` : '';
    this.scratchDir = opts.scratchDir;
    this.partSize = opts.partSize ?? 8 * MiB;
    this.queueSize = opts.queueSize ?? 2;
    this.maxSingleCopyBytes = opts.maxSingleCopyBytes ?? 5 * GiB;
    this.copyPartSize = opts.copyPartSize ?? 512 * MiB;
    if (opts.client) this.clientMade = Promise.resolve(opts.client);
  }

  static fromConfig(config: Extract<StorageConfig, { kind: 's3' }>, scratchDir: string): S3Storage {
    return new S3Storage({
      bucket: config.bucket,
      prefix: config.prefix,
      scratchDir,
      clientConfig: {
        region: config.region,
        endpoint: config.endpoint,
        forcePathStyle: config.forcePathStyle,
        // Other S3-compatible services do not all take the SDK's default CRC32 checksums (trailers on streamed
        // uploads); send them only where an operation requires one.
        ...(config.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
      },
    });
  }

  /** `s3://bucket/prefix`, for messages. */
  toString(): string {
    return `s3://${this.bucket}/${this.base}`;
  }

  private async client(): Promise<S3Sender> {
    this.clientMade ??= loadSdk().then((sdk) => new sdk.S3Client(this.opts.clientConfig ?? {}));
    return this.clientMade;
  }

  private objectKey(key: string): string {
    assertKey(key);
    return this.base + key;
  }

  private tempKey(): string {
    return `${this.base}.tmp/${randomUUID()}`;
  }

  private copySource(objectKey: string): string {
    return `${this.bucket}/${objectKey.split('/').map(encodeURIComponent).join('/')}`;
  }

  localPath(key: string): string {
    throw new Error(`Storage ${this} has no local files ("${key}"): use withLocalFile or download.`);
  }

  tempPath(suffix = ''): string {
    return path.join(this.scratchDir, `${randomUUID()}${suffix}`);
  }

  async putStream(key: string, source: Readable, opts: { maxBytes?: number; label?: string } = {}): Promise<StoredFile> {
    const finalKey = this.objectKey(key);
    const m = meter(opts.maxBytes, opts.label ?? path.posix.basename(key));
    const body = new PassThrough();
    // the pipeline destroys every stream on an error (too large, the source failing), which fails the upload
    const piping = pipeline(source, m.transform, body);
    const temp = this.tempKey();
    const uploading = (async () => {
      const [client, { Upload }] = await Promise.all([this.client(), loadSdk()]);
      const upload = new Upload({
        client: client as S3Client,
        params: { Bucket: this.bucket, Key: temp, Body: body },
        partSize: this.partSize,
        queueSize: this.queueSize,
        leavePartsOnError: false, // a failed upload is aborted: its parts go
      });
      await upload.done();
    })().catch((e: unknown) => {
      body.destroy(e as Error); // stops the pipeline feeding an upload that has failed
      throw e;
    });
    const [piped, uploaded] = await Promise.allSettled([piping, uploading]);
    if (piped.status === 'rejected' || uploaded.status === 'rejected') {
      await this.deleteObjects([temp]).catch(() => undefined);
      throw piped.status === 'rejected' ? piped.reason : (uploaded as PromiseRejectedResult).reason;
    }
    const { size, sha256 } = m.result();
    try {
      await this.copyObject(temp, finalKey, size);
    } finally {
      await this.deleteObjects([temp]);
    }
    return { key, size, sha256 };
  }

  /** Server-side copy: one CopyObject up to maxSingleCopyBytes, else a multipart upload of UploadPartCopy parts. */
  private async copyObject(from: string, to: string, size: number): Promise<void> {
    const [client, sdk] = await Promise.all([this.client(), loadSdk()]);
    const CopySource = this.copySource(from);
    if (size <= this.maxSingleCopyBytes) {
      await client.send(new sdk.CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource }));
      return;
    }
    const { UploadId } = await client.send(new sdk.CreateMultipartUploadCommand({ Bucket: this.bucket, Key: to }));
    try {
      const parts: { PartNumber: number; ETag?: string }[] = [];
      for (let start = 0, PartNumber = 1; start < size; start += this.copyPartSize, PartNumber++) {
        const end = Math.min(size, start + this.copyPartSize) - 1;
        const r = await client.send(
          new sdk.UploadPartCopyCommand({ Bucket: this.bucket, Key: to, UploadId, PartNumber, CopySource, CopySourceRange: `bytes=${start}-${end}` }),
        );
        parts.push({ PartNumber, ETag: r.CopyPartResult?.ETag });
      }
      await client.send(new sdk.CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: to, UploadId, MultipartUpload: { Parts: parts } }));
    } catch (e) {
      await client.send(new sdk.AbortMultipartUploadCommand({ Bucket: this.bucket, Key: to, UploadId })).catch(() => undefined);
      throw e;
    }
  }

  async putFile(key: string, fromPath: string, opts: { move?: boolean } = {}): Promise<StoredFile> {
    const stored = await this.putStream(key, createReadStream(fromPath));
    if (opts.move) await rm(fromPath, { force: true });
    return stored;
  }

  async putWith<T>(key: string, write: (file: string) => Promise<T>): Promise<T> {
    this.objectKey(key);
    await mkdir(this.scratchDir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const file = this.tempPath(path.posix.extname(key));
    try {
      const result = await write(file);
      await this.putFile(key, file, { move: true });
      return result;
    } finally {
      await rm(file, { recursive: true, force: true });
    }
  }

  async putDirectory(prefix: string, fromDir: string, opts: { move?: boolean; last?: string[] } = {}): Promise<StoredEntry[]> {
    this.objectKey(prefix);
    const names = await listLocalFiles(fromDir);
    const last = (opts.last ?? []).filter((n) => names.includes(n));
    const before = await this.list(prefix);
    // The old manifest goes first: until the new one is written, a reader finds none (not a mix of old and new).
    await this.deleteObjects(last.map((n) => this.objectKey(`${prefix}/${n}`)));
    const out: StoredEntry[] = [];
    for (const n of [...names.filter((x) => !last.includes(x)), ...last]) {
      const f = await this.putFile(`${prefix}/${n}`, path.join(fromDir, n));
      out.push({ key: f.key, size: f.size });
    }
    const kept = new Set(out.map((e) => e.key));
    await this.deleteObjects(before.filter((e) => !kept.has(e.key)).map((e) => this.base + e.key));
    if (opts.move) await rm(fromDir, { recursive: true, force: true });
    return out;
  }

  read(key: string, range?: ByteRange): Readable {
    const objectKey = this.objectKey(key);
    const out = new PassThrough();
    if (range && range.end < range.start) {
      out.end();
      return out;
    }
    const abort = new AbortController();
    out.once('close', () => abort.abort()); // a reader that stops early (a browser seeking) ends the request
    void (async () => {
      const [client, sdk] = await Promise.all([this.client(), loadSdk()]);
      const res = await client.send(
        new sdk.GetObjectCommand({ Bucket: this.bucket, Key: objectKey, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
        { abortSignal: abort.signal },
      );
      await pipeline(res.Body as Readable, out);
    })().catch((e: unknown) => {
      if (isInvalidRange(e)) out.end(); // a range past the end: no bytes, as a local file gives
      else out.destroy(isNotFound(e) ? notFound(key) : (e as Error));
    });
    return out;
  }

  async readAll(key: string): Promise<Buffer> {
    const objectKey = this.objectKey(key);
    const [client, sdk] = await Promise.all([this.client(), loadSdk()]);
    try {
      const res = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      return Buffer.from(await res.Body!.transformToByteArray());
    } catch (e) {
      throw isNotFound(e) ? notFound(key) : e;
    }
  }

  async size(key: string): Promise<number | null> {
    return (await this.stat(key))?.size ?? null;
  }

  async stat(key: string): Promise<{ size: number; version: string } | null> {
    const objectKey = this.objectKey(key);
    const [client, sdk] = await Promise.all([this.client(), loadSdk()]);
    try {
      const res = await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      const size = res.ContentLength ?? 0;
      return { size, version: `${res.ETag ?? ''}:${res.LastModified?.getTime() ?? 0}:${size}` };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.size(key)) !== null;
  }

  /** Objects under a raw (prefixed) key prefix, with their times. */
  private async listRaw(rawPrefix: string): Promise<{ key: string; size: number; modified: number }[]> {
    const [client, sdk] = await Promise.all([this.client(), loadSdk()]);
    const out: { key: string; size: number; modified: number }[] = [];
    let ContinuationToken: string | undefined;
    do {
      const res = await client.send(new sdk.ListObjectsV2Command({ Bucket: this.bucket, Prefix: rawPrefix, ContinuationToken }));
      for (const o of res.Contents ?? []) {
        if (o.Key) out.push({ key: o.Key, size: o.Size ?? 0, modified: o.LastModified?.getTime() ?? 0 });
      }
      ContinuationToken = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return out;
  }

  async list(prefix: string): Promise<StoredEntry[]> {
    const raw = prefix === '' ? this.base : `${this.objectKey(prefix)}/`;
    const entries = (await this.listRaw(raw))
      .map((o) => ({ key: o.key.slice(this.base.length), size: o.size }))
      .filter((e) => !e.key.startsWith('.tmp/'));
    return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private async deleteObjects(objectKeys: string[]): Promise<void> {
    if (objectKeys.length === 0) return;
    const [client, sdk] = await Promise.all([this.client(), loadSdk()]);
    for (let i = 0; i < objectKeys.length; i += 1000) {
      const batch = objectKeys.slice(i, i + 1000);
      const res = await client.send(
        new sdk.DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
      );
      const failed = res.Errors?.[0];
      if (failed) throw new Error(`Could not delete "${failed.Key}" from ${this}: ${failed.Code} ${failed.Message ?? ''}`.trim());
    }
  }

  async delete(keyOrPrefix: string): Promise<void> {
    const objectKey = this.objectKey(keyOrPrefix);
    const under = await this.listRaw(`${objectKey}/`);
    await this.deleteObjects([objectKey, ...under.map((o) => o.key)]);
  }

  async withLocalFile<T>(key: string, fn: (file: string) => Promise<T>): Promise<T> {
    // the extension stays: tools such as ffprobe and the ZIP reader look at it
    const file = path.join(this.scratchDir, `${randomUUID()}${path.posix.extname(key)}`);
    await this.download(key, file);
    try {
      return await fn(file);
    } finally {
      await rm(file, { force: true });
    }
  }

  async download(key: string, toPath: string): Promise<void> {
    await publishAtomic(toPath, (part) => pipeline(this.read(key), createWriteStream(part, { mode: PRIVATE_FILE_MODE })));
  }

  async sweepTemp(maxAgeMs = 60 * 60_000): Promise<SweepResult> {
    const local = await sweepStaleTempFiles(this.scratchDir, { maxAgeMs, everything: true });
    const cutoff = Date.now() - maxAgeMs;
    const stale = (await this.listRaw(`${this.base}.tmp/`)).filter((o) => o.modified < cutoff);
    await this.deleteObjects(stale.map((o) => o.key));
    return { files: local.files + stale.length, bytes: local.bytes + stale.reduce((s, o) => s + o.size, 0) };
  }
}
