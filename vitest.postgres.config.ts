// The PostgreSQL run (`npx vitest run --config vitest.postgres.config.ts`, scripts/test.sh): the database tests
// that matter, again on a throw-away PostgreSQL cluster (lib/testing/start-postgres.ts, Debian's postgresql
// package), plus the PostgreSQL-only ones (*.postgres.test.ts). useTestEnv gives each file a database of its own.
import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    name: 'postgres',
    include: [
      'lib/**/*.postgres.test.ts',
      'bin/**/*.postgres.test.ts',
      'workers/**/*.postgres.test.ts',
      // the same tests as on SQLite
      'lib/jobs/job-queue.test.ts',
      'lib/review/update-fragment.test.ts',
      'lib/review/revisions.test.ts',
      'lib/review/review-queue.test.ts',
      'lib/review/assign-chapter.test.ts',
      'app/api/chapters/[[]chapterId]/assignee/route.test.ts',
      'lib/export/export-use-cases.test.ts',
      'lib/export/export-storage.test.ts',
      'lib/training-runs/training-s3.test.ts',
      'lib/auth/auth.test.ts',
      'app/api/auth/auth-routes.test.ts',
    ],
    globalSetup: ['lib/testing/start-postgres-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
