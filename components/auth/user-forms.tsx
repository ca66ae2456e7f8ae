'use client';
// The Users page's forms (server actions in app/admin/users/actions.ts).
import { useActionState } from 'react';
import { createUserAction, setUserRoleAction, type ActionResult } from '@/app/admin/users/actions.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/password-length.ts';

function Result({ state }: { state: ActionResult | null }) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="w-full text-sm text-emerald-700">{state.message}</p>
  ) : (
    <p role="alert" className="w-full text-sm text-red-700">{state.error}</p>
  );
}

const button = 'rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:bg-indigo-300';

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  return (
    <form action={action} aria-label="New user" className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-4">
      <label className="flex flex-col text-sm">
        Email
        <input name="email" type="email" required className="mt-1 w-64 rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col text-sm">
        Name
        <input name="name" className="mt-1 w-48 rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col text-sm">
        Password
        <input name="password" type="password" minLength={MIN_PASSWORD_LENGTH} maxLength={MAX_PASSWORD_LENGTH} required autoComplete="new-password" className="mt-1 w-48 rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col text-sm">
        Role
        <select name="role" defaultValue="reviewer" className="mt-1 rounded border border-slate-300 px-2 py-1">
          <option value="reviewer">reviewer</option>
          <option value="admin">admin</option>
        </select>
      </label>
      <button type="submit" disabled={pending} className={button}>
        Create user
      </button>
      <Result state={state} />
    </form>
  );
}

export function RoleForm({ userId, email, role }: { userId: string; email: string; role: string }) {
  const [state, action, pending] = useActionState(setUserRoleAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={role} aria-label={`Role of ${email}`} className="rounded border border-slate-300 px-1 py-0.5 text-sm">
        <option value="reviewer">reviewer</option>
        <option value="admin">admin</option>
      </select>
      <button type="submit" disabled={pending} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-sm hover:bg-slate-50">
        Save role
      </button>
      <Result state={state} />
    </form>
  );
}
