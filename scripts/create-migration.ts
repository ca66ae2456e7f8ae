// npx tsx scripts/create-migration.ts NAME: writes the next migration from the change to schema.prisma (offline).
import { createMigration } from '../lib/db/migrate.ts';

const name = process.argv[2];
if (!name) {
  console.error('usage: npx tsx scripts/create-migration.ts NAME');
  process.exit(2);
}
const dir = await createMigration(name);
console.log(dir ? `Created ${dir}` : 'schema.prisma matches the migrations: nothing to create.');
