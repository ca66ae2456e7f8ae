'use server';
// Server actions of the Users page: admin only; they validate, call lib/auth and return { error } for people.
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { ZodError } from 'zod';
import { createUser } from '@/lib/auth/create-user.ts';
import { requireUser } from '@/lib/auth/require-user.ts';
import { setUserRole } from '@/lib/auth/set-user-role.ts';
import { isAppError } from '@/lib/errors/app-error.ts';

export type ActionResult = { ok: true; message: string } | { ok: false; error: string };

function failure(e: unknown): ActionResult {
  if (isAppError(e)) return { ok: false, error: e.message };
  if (e instanceof ZodError) return { ok: false, error: e.issues.map((i) => i.message).join('; ') };
  console.error(e);
  return { ok: false, error: `Unexpected server error: ${(e as Error).message}` };
}

export async function createUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await requireUser(await headers(), 'admin');
    const user = await createUser({
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      name: String(form.get('name') ?? '') || undefined,
      role: String(form.get('role') ?? 'reviewer') as 'admin' | 'reviewer',
    });
    revalidatePath('/admin/users');
    return { ok: true, message: `Created ${user.email} (${user.role}). Give them their password; they sign in at /sign-in.` };
  } catch (e) {
    return failure(e);
  }
}

export async function setUserRoleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await requireUser(await headers(), 'admin');
    const user = await setUserRole({ userId: String(form.get('userId') ?? ''), role: String(form.get('role') ?? '') as 'admin' | 'reviewer' });
    revalidatePath('/admin/users');
    return { ok: true, message: `${user.email} is now ${user.role}.` };
  } catch (e) {
    return failure(e);
  }
}
