// Environment, validated once. Every process (app, worker, CLI) reads configuration from here.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { formatZodError } from '../errors/format-zod-error.ts';

const schema = z.object({
  ALINEA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  ALINEA_MAX_UPLOAD_MB: z.coerce.number().positive().default(4096),
  ALINEA_JOB_LEASE_SECONDS: z.coerce.number().int().min(5).default(60),
  ALINEA_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /** On SIGINT/SIGTERM a worker lets its running job finish for this long, then hands it back. */
  ALINEA_WORKER_STOP_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(5),
  /** Signs session cookies. Unset: generated once and kept in <data dir>/auth-secret (see getAuthSecret). */
  ALINEA_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
  /** The public URL of the studio (e.g. https://alinea.example.org). Unset: taken from each request. */
  ALINEA_AUTH_URL: z.url().optional(),
  /**
   * The reverse proxies in front of the studio (IP addresses or CIDR ranges, comma-separated). Only then are
   * X-Forwarded-For/-Host/-Proto believed (any client can send them). Unset: never.
   */
  ALINEA_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, 'must be IP addresses or CIDR ranges, comma-separated (e.g. 127.0.0.1,10.0.0.0/8)'))),
  /** Unset: files under <data dir>/files. `s3://bucket/prefix`: an S3-compatible bucket (see parseStorageUrl). */
  ALINEA_STORAGE_URL: z.string().optional(),
});

/** Where stored files live: a local directory, or a bucket (and key prefix) of an S3-compatible service. */
export type StorageConfig =
  | { kind: 'local'; root: string }
  | {
      kind: 's3';
      bucket: string;
      /** Key prefix without leading or trailing slash; '' for the whole bucket. */
      prefix: string;
      /** AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL (MinIO, Ceph, R2, s3rver …); unset: AWS itself. */
      endpoint?: string;
      region: string;
      /** Path-style URLs (endpoint/bucket/key), which other S3-compatible services need; AWS uses virtual hosts. */
      forcePathStyle: boolean;
    };

const STORAGE_URL_HELP = 'Use s3://BUCKET or s3://BUCKET/PREFIX, or leave it unset to keep files under ALINEA_DATA_DIR.';

/**
 * ALINEA_STORAGE_URL and the usual AWS variables → the storage configuration. Credentials are not read here: the
 * SDK takes AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or a profile, or an instance role) itself.
 */
export function parseStorageConfig(env: Readonly<Record<string, string | undefined>>, dataDir: string): StorageConfig {
  const raw = env.ALINEA_STORAGE_URL?.trim();
  if (!raw) return { kind: 'local', root: path.join(dataDir, 'files') };
  const m = /^s3:\/\/([^/?#]+)(?:\/([^?#]*))?$/.exec(raw);
  if (!m) throw new Error(`Invalid environment:\nALINEA_STORAGE_URL "${raw}" is not an s3:// URL. ${STORAGE_URL_HELP}`);
  const bucket = m[1]!;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new Error(
      `Invalid environment:\nALINEA_STORAGE_URL: "${bucket}" is not a valid bucket name (3–63 lowercase letters, digits, dots and hyphens). ${STORAGE_URL_HELP}`,
    );
  }
  const prefix = (m[2] ?? '').replace(/^\/+|\/+$/g, '');
  if (prefix && prefix.split('/').some((p) => p === '' || p === '.' || p === '..')) {
    throw new Error(`Invalid environment:\nALINEA_STORAGE_URL: the prefix "${prefix}" has an empty, "." or ".." segment. ${STORAGE_URL_HELP}`);
  }
  const endpointVar = env.AWS_ENDPOINT_URL_S3 ? 'AWS_ENDPOINT_URL_S3' : 'AWS_ENDPOINT_URL';
  const endpoint = env[endpointVar]?.trim() || undefined;
  if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint)) {
    throw new Error(`Invalid environment:\n${endpointVar} "${endpoint}" must be an http:// or https:// URL (e.g. http://127.0.0.1:9000) for ALINEA_STORAGE_URL.`);
  }
  const region = env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || 'us-east-1';
  return { kind: 's3', bucket, prefix, endpoint, region, forcePathStyle: endpoint !== undefined };
}

export type AlineaConfig = {
  dataDir: string;
  databaseUrl: string;
  isPostgres: boolean;
  maxUploadBytes: number;
  jobLeaseMs: number;
  workerConcurrency: number;
  workerStopGraceMs: number;
  authSecret?: string;
  authUrl?: string;
  /** Addresses of trusted reverse proxies; empty: forwarded headers are ignored. */
  trustedProxies: string[];
  storage: StorageConfig;
};

let cached: AlineaConfig | undefined;

export function getConfig(): AlineaConfig {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${formatZodError(parsed.error)}\nFix these variables and start again.`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.ALINEA_DATA_DIR);
  const databaseUrl = env.DATABASE_URL ?? `file:${path.join(dataDir, 'alinea.db')}`;
  cached = {
    dataDir,
    databaseUrl,
    isPostgres: /^postgres(ql)?:\/\//.test(databaseUrl),
    maxUploadBytes: Math.round(env.ALINEA_MAX_UPLOAD_MB * 1024 * 1024),
    jobLeaseMs: env.ALINEA_JOB_LEASE_SECONDS * 1000,
    workerConcurrency: env.ALINEA_WORKER_CONCURRENCY,
    workerStopGraceMs: Math.round(env.ALINEA_WORKER_STOP_GRACE_SECONDS * 1000),
    authSecret: env.ALINEA_AUTH_SECRET,
    authUrl: env.ALINEA_AUTH_URL,
    trustedProxies: env.ALINEA_TRUST_PROXY,
    storage: parseStorageConfig(process.env, dataDir),
  };
  return cached;
}

/**
 * The secret that signs session cookies: ALINEA_AUTH_SECRET, else the one in <data dir>/auth-secret, generated
 * (mode 600) the first time so that a fresh start needs no configuration. The app and the CLI share it.
 */
export function getAuthSecret(): string {
  const { authSecret, dataDir } = getConfig();
  if (authSecret) return authSecret;
  const file = path.join(dataDir, 'auth-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dataDir, { recursive: true });
  // written whole under a temporary name, then linked into place: a process racing us reads all of it or nothing
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (e) {
    // another process created it first: use theirs
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
  return readFileSync(file, 'utf8').trim();
}

/** Tests point the whole process at a fresh data directory/database. */
export function resetConfigForTests(): void {
  cached = undefined;
}
