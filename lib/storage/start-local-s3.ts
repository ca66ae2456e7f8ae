// A local S3 server for tests and benches: s3rver (npm) in its own process, on a port the system picks, storing
// into a fresh temp directory with one bucket made. Its own process, so that a test measuring this process's
// memory does not count the server's. `stop()` ends it and removes its directory.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type LocalS3 = {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  bucket: string;
  /** s3rver's fixed credentials. */
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
};

export async function startLocalS3(opts: { bucket?: string; timeoutMs?: number } = {}): Promise<LocalS3> {
  const bucket = opts.bucket ?? 'alinea-test';
  const dir = await mkdtemp(path.join(tmpdir(), 'alinea-s3rver-'));
  const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('s3rver/package.json')), 'bin', 's3rver.js');
  const child = spawn(process.execPath, [bin, '-d', dir, '-a', '127.0.0.1', '-p', '0', '--silent', '--configure-bucket', bucket], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`s3rver did not start within ${opts.timeoutMs ?? 20_000} ms:\n${output}`)), opts.timeoutMs ?? 20_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /S3rver listening on [^:\s]+:(\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`s3rver exited (${code}) before listening:\n${output}`));
      });
    });
    const endpoint = `http://127.0.0.1:${port}`;
    await keepTempFolder(endpoint, bucket);
    return {
      endpoint,
      bucket,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

/** The key prefix s3EnvFor's ALINEA_STORAGE_URL names. */
const PREFIX = 'studio';

/**
 * s3rver 3.7.1 removes a folder left empty by a delete, and a write into a folder it has just removed fails with
 * ENOENT, which ends the server (its write stream has no error handler). Every upload goes through
 * `<prefix>/.tmp/<uuid>`, so with several processes writing at once `.tmp` empties and fills all the time: it crashed
 * three runs in five of the four-worker test. An object kept there keeps the folder (a real bucket has no folders;
 * younger than the temp sweep's hour, it is never swept, and `list` never shows temp names).
 */
export const S3RVER_KEEP_KEY = `${PREFIX}/.tmp/s3rver-keeps-this-folder`;
async function keepTempFolder(endpoint: string, bucket: string): Promise<void> {
  const { S3Client, PutObjectCommand } = await import('@aws-sdk/client-s3');
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  try {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: S3RVER_KEEP_KEY, Body: '' }));
  } finally {
    client.destroy();
  }
}

/** The variables an operator sets for `server` (ALINEA_STORAGE_URL under the prefix `studio`, the AWS ones). */
export function s3EnvFor(server: LocalS3): Record<(typeof S3_ENV_VARS)[number], string> {
  return {
    ALINEA_STORAGE_URL: `s3://${server.bucket}/${PREFIX}`,
    AWS_ENDPOINT_URL: server.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: server.accessKeyId,
    AWS_SECRET_ACCESS_KEY: server.secretAccessKey,
  };
}

/** What s3EnvFor sets: a test deletes these from process.env when it is done. */
export const S3_ENV_VARS = ['ALINEA_STORAGE_URL', 'AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] as const;
