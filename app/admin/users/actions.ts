'use server';
// Server actions of the Users page: admin only; they validate, call lib/auth and return { error } for people.
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { createUser, createUserInput } from '@/lib/auth/create-user.ts';
import { requireUser } from '@/lib/auth/require-user.ts';
import { setUserRole, setUserRoleInput } from '@/lib/auth/set-user-role.ts';
import { INTERNAL_ERROR_MESSAGE, isAppError } from '@/lib/errors/app-error.ts';
import { parseInput } from '@/lib/errors/parse-input.ts';

export type ActionResult = { ok: true; message: string } | { ok: false; error: string };

function failure(e: unknown): ActionResult {
  if (isAppError(e)) return { ok: false, error: e.message };
  console.error('User action failed:', e);
  return { ok: false, error: INTERNAL_ERROR_MESSAGE };
}

export async function createUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await requireUser(await headers(), 'admin');
    const user = await createUser(parseInput(createUserInput, {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      name: String(form.get('name') ?? '') || undefined,
      role: String(form.get('role') ?? 'reviewer'),
    }));
    revalidatePath('/admin/users');
    return { ok: true, message: `Created ${user.email} (${user.role}). Give them their password; they sign in at /sign-in.` };
  } catch (e) {
    return failure(e);
  }
}

export async function setUserRoleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await requireUser(await headers(), 'admin');
    const user = await setUserRole(parseInput(setUserRoleInput, { userId: String(form.get('userId') ?? ''), role: String(form.get('role') ?? '') }));
    revalidatePath('/admin/users');
    return { ok: true, message: `${user.email} is now ${user.role}.` };
  } catch (e) {
    return failure(e);
  }
}
