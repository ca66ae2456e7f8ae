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
    return {
      endpoint: `http://127.0.0.1:${port}`,
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

/** The variables an operator sets for `server` (ALINEA_STORAGE_URL under the prefix `studio`, the AWS ones). */
export function s3EnvFor(server: LocalS3): Record<(typeof S3_ENV_VARS)[number], string> {
  return {
    ALINEA_STORAGE_URL: `s3://${server.bucket}/studio`,
    AWS_ENDPOINT_URL: server.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: server.accessKeyId,
    AWS_SECRET_ACCESS_KEY: server.secretAccessKey,
  };
}

/** What s3EnvFor sets: a test deletes these from process.env when it is done. */
export const S3_ENV_VARS = ['ALINEA_STORAGE_URL', 'AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] as const;
