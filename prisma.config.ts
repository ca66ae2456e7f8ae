import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI (generate; migrate where the native engine is available).
// Alinea itself applies migrations offline with lib/db/migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/alinea.db' },
});
