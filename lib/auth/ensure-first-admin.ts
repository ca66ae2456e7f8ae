// The first start: when no admin can sign in yet, admin@alinea.local gets a random password, written once to
// <data dir>/first-admin.txt (mode 600) and returned so that the start command prints it.
import { randomBytes } from 'node:crypto';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getConfig } from '../config/env.ts';
import { getDb } from '../db/client.ts';
import { createUser } from './create-user.ts';

export const FIRST_ADMIN_EMAIL = 'admin@alinea.local';

export async function ensureFirstAdmin(): Promise<{ email: string; password: string; file: string } | null> {
  const admins = await getDb().user.count({ where: { role: 'admin', accounts: { some: { providerId: 'credential' } } } });
  if (admins > 0) return null;
  const password = randomBytes(12).toString('base64url');
  // update: an admin@alinea.local row from before sign-in existed (no password) is given this one
  await createUser({ email: FIRST_ADMIN_EMAIL, password, name: 'Admin', role: 'admin', update: true });
  const file = path.join(getConfig().dataDir, 'first-admin.txt');
  await writeFile(file, `email: ${FIRST_ADMIN_EMAIL}\npassword: ${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return { email: FIRST_ADMIN_EMAIL, password, file };
}
