// Before the specs (and after the web server started on a fresh data directory):
// - the audiobook the specs upload: 3 espeak-ng MP3s + a Gutenberg-style ebook (never downloaded);
// - an admin made with the CLI, signed in once; its session cookie is the specs' default storageState.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { request, type FullConfig } from '@playwright/test';
import { writeDemoFiles } from '../lib/demo/write-demo-files.ts';

export const FIXTURE_DIR = path.resolve('tmp/e2e-fixtures');
export const ADMIN_STATE = path.resolve('tmp/e2e-auth/admin.json');
export const E2E_ADMIN = { email: 'e2e-admin@alinea.local', password: 'e2e admin password' };
export const E2E_REVIEWER = { email: 'e2e-reviewer@alinea.local', password: 'e2e reviewer password' };

/** `alinea create-user` against the e2e data directory (as an operator would). */
export function createUserWithCli(user: { email: string; password: string }, role: 'admin' | 'reviewer') {
  execFileSync('node', ['bin/alinea.mjs', 'create-user', '--email', user.email, '--password', user.password, '--role', role, '--update'], {
    env: { ...process.env, ALINEA_DATA_DIR: process.env.E2E_DATA_DIR! },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export default async function globalSetup(config: FullConfig) {
  if (!existsSync(path.join(FIXTURE_DIR, 'faro-de-la-isla.txt'))) {
    mkdirSync(FIXTURE_DIR, { recursive: true });
    await writeDemoFiles(FIXTURE_DIR);
  }
  createUserWithCli(E2E_ADMIN, 'admin');
  const baseURL = config.projects[0]!.use.baseURL!;
  const ctx = await request.newContext({ baseURL });
  try {
    const res = await ctx.post('/api/auth/sign-in/email', { data: E2E_ADMIN, headers: { origin: baseURL } });
    if (!res.ok()) throw new Error(`e2e admin sign-in failed: ${res.status()} ${await res.text()}`);
    mkdirSync(path.dirname(ADMIN_STATE), { recursive: true });
    await ctx.storageState({ path: ADMIN_STATE });
  } finally {
    await ctx.dispose();
  }
}
