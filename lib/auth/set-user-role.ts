// An admin changes someone's role. The last admin cannot be demoted (nobody could manage users any more).
import { z } from 'zod';
import { getDb } from '../db/client.ts';
import { AppError } from '../errors/app-error.ts';
import { roleSchema } from './roles.ts';

export const setUserRoleInput = z.object({ userId: z.string().min(1), role: roleSchema });

export async function setUserRole(raw: z.input<typeof setUserRoleInput>) {
  const { userId, role } = setUserRoleInput.parse(raw);
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true } });
    if (!user) throw new AppError('NOT_FOUND', `User ${userId} does not exist; reload the Users page.`);
    if (user.role === 'admin' && role !== 'admin') {
      const admins = await tx.user.count({ where: { role: 'admin' } });
      if (admins <= 1) throw new AppError('CONFLICT', `${user.email} is the only admin; make someone else admin first.`);
    }
    return tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, email: true, name: true, role: true } });
  });
}
