// Tests against a local S3 server: s3rver started before the file's tests (startLocalS3) and stopped after, and the
// app's storage pointed at its bucket as an operator would (ALINEA_STORAGE_URL and the AWS variables, s3EnvFor).
// Register it before useTestEnv, whose hook then reads the S3 environment afresh; its own hooks forget the cached
// config too, so the order is not load-bearing.
import { afterAll, beforeAll } from 'vitest';
import { resetConfigForTests } from '../config/env.ts';
import { s3EnvFor, S3_ENV_VARS, startLocalS3, type LocalS3 } from '../storage/start-local-s3.ts';

export type S3TestStorage = {
  /** The running server; throws before the beforeAll hook has started it. */
  readonly server: LocalS3;
  /** Points getStorage() at the bucket: sets the variables of s3EnvFor and forgets the cached config. */
  select(): void;
};

/**
 * Starts s3rver in a beforeAll hook and stops it in an afterAll hook, which also removes the S3 variables from
 * process.env. `select: false` leaves the environment alone until the test calls `select()` itself (a test that
 * first works on the local directory), or for a test that talks to the server with its own client.
 */
export function useS3TestStorage(opts: { bucket: string; select?: boolean }): S3TestStorage {
  let server: LocalS3 | undefined;
  const handle: S3TestStorage = {
    get server() {
      if (!server) throw new Error('useS3TestStorage: the server starts in beforeAll; read it inside a hook or a test');
      return server;
    },
    select() {
      Object.assign(process.env, s3EnvFor(handle.server));
      resetConfigForTests();
    },
  };
  beforeAll(async () => {
    server = await startLocalS3({ bucket: opts.bucket });
    if (opts.select ?? true) handle.select();
  });
  afterAll(async () => {
    for (const v of S3_ENV_VARS) delete process.env[v];
    resetConfigForTests();
    await server?.stop();
    server = undefined;
  });
  return handle;
}
