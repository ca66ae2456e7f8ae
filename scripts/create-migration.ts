// npx tsx scripts/create-migration.ts NAME: writes the next migration from the change to schema.prisma (offline),
// for SQLite (prisma/migrations) and its PostgreSQL twin of the same name (prisma/postgres/migrations). The
// PostgreSQL diff needs a server for its shadow database: ALINEA_MIGRATION_POSTGRES_URL (a user that may create
// databases), else a throw-away cluster from Debian's postgresql package (lib/testing/start-postgres.ts).
import path from 'node:path';
import { createMigration, POSTGRES_MIGRATIONS_DIR } from '../lib/db/migrate.ts';
import { startPostgres } from '../lib/testing/start-postgres.ts';

const name = process.argv[2];
if (!name) {
  console.error('usage: npx tsx scripts/create-migration.ts NAME');
  process.exit(2);
}
const dir = await createMigration(name);
console.log(dir ? `Created ${dir}` : 'schema.prisma matches the SQLite migrations: nothing to create.');

const given = process.env.ALINEA_MIGRATION_POSTGRES_URL;
const cluster = given ? undefined : await startPostgres();
try {
  const pgDir = await createMigration(name, POSTGRES_MIGRATIONS_DIR, {
    postgresUrl: given ?? cluster!.url,
    folder: dir ? path.basename(dir) : undefined,
  });
  console.log(pgDir ? `Created ${pgDir}` : 'schema.prisma matches the PostgreSQL migrations: nothing to create.');
} finally {
  await cluster?.stop();
}
