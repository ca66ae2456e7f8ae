import { defineConfig } from '@playwright/test';
import path from 'node:path';

// End-to-end specs run against a production build with its own data directory and worker, in Debian's
// Chromium (no browser downloads here), signed in as an admin (e2e/global-setup.ts).
const PORT = 3100;
export const E2E_DATA_DIR = path.resolve('tmp/e2e-data');
process.env.E2E_DATA_DIR = E2E_DATA_DIR;

export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  expect: { timeout: 20_000 },
  workers: 1,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // every spec runs as the admin that global-setup signed in (e2e/auth.spec.ts signs in others itself)
    storageState: 'tmp/e2e-auth/admin.json',
    // the API refuses changes without the studio's own Origin (CSRF); pages send it, API request contexts do not
    extraHTTPHeaders: { origin: `http://127.0.0.1:${PORT}` },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `bash e2e/serve.sh ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/projects`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { ALINEA_DATA_DIR: E2E_DATA_DIR, ALINEA_JOB_LEASE_SECONDS: '10' },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
