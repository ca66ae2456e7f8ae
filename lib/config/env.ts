// Environment, validated once. Every process (app, worker, CLI) reads configuration from here.
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  ALINEA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  ALINEA_MAX_UPLOAD_MB: z.coerce.number().positive().default(4096),
  ALINEA_JOB_LEASE_SECONDS: z.coerce.number().int().min(5).default(60),
  ALINEA_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
});

export type AlineaConfig = {
  dataDir: string;
  databaseUrl: string;
  isPostgres: boolean;
  maxUploadBytes: number;
  jobLeaseMs: number;
  workerConcurrency: number;
};

let cached: AlineaConfig | undefined;

export function getConfig(): AlineaConfig {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${issues}. Fix these variables and start again.`);
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
  };
  return cached;
}

/** Tests point the whole process at a fresh data directory/database. */
export function resetConfigForTests(): void {
  cached = undefined;
}
