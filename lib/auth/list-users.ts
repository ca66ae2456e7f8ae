// Everyone who can sign in, for the admin's Users page.
import { getDb } from '../db/client.ts';

export type UserRow = { id: string; email: string; name: string | null; role: string; createdAt: Date; hasPassword: boolean };

export async function listUsers(): Promise<UserRow[]> {
  const users = await getDb().user.findMany({
    orderBy: [{ createdAt: 'asc' }, { email: 'asc' }],
    select: { id: true, email: true, name: true, role: true, createdAt: true, accounts: { where: { providerId: 'credential' }, select: { id: true } } },
  });
  return users.map(({ accounts, ...u }) => ({ ...u, hasPassword: accounts.length > 0 }));
}
