// vitest globalSetup of the PostgreSQL run (vitest.postgres.config.ts): one throw-away cluster for the whole run,
// with a migrated template database; useTestEnv gives each test file its own copy (ALINEA_TEST_POSTGRES_URL).
import pg from 'pg';
import { applyMigrations } from '../db/migrate.ts';
import { startPostgres, TEMPLATE_DATABASE } from './start-postgres.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const t0 = Date.now();
  const cluster = await startPostgres();
  try {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
    await client.end();
    await applyMigrations(cluster.urlFor(TEMPLATE_DATABASE));
  } catch (e) {
    await cluster.stop();
    throw e;
  }
  // read by useTestEnv in each test file's process (forks inherit the environment)
  process.env.ALINEA_TEST_POSTGRES_URL = cluster.url;
  console.log(`PostgreSQL test cluster on port ${cluster.port}, migrated, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return () => cluster.stop();
}
