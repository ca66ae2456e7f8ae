import { AdminOnly, NeedsAdmin } from '@/components/auth/admin-only.tsx';
import { CreateUserForm, RoleForm } from '@/components/auth/user-forms.tsx';
import { listUsers } from '@/lib/auth/list-users.ts';

export const dynamic = 'force-dynamic';

export default function UsersPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Users</h1>
      <AdminOnly fallback={<NeedsAdmin what="Managing users" />}>
        <p className="text-sm text-slate-600">
          Reviewers edit, align and approve. Admins also upload, delete, export and train, and manage users here.
        </p>
        <CreateUserForm />
        <UserTable />
      </AdminOnly>
    </div>
  );
}

async function UserTable() {
  const users = await listUsers();
  return (
    <table className="w-full rounded border border-slate-200 bg-white text-sm" aria-label="Users">
      <thead className="bg-slate-100 text-left">
        <tr><th className="px-3 py-2">Email</th><th>Name</th><th>Password</th><th>Created</th><th>Role</th></tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} className="border-t border-slate-200 align-top" data-testid="user-row">
            <td className="px-3 py-2">{u.email}</td>
            <td>{u.name ?? '—'}</td>
            <td>{u.hasPassword ? 'set' : 'none (cannot sign in)'}</td>
            <td>{u.createdAt.toISOString().slice(0, 10)}</td>
            <td className="py-1"><RoleForm userId={u.id} email={u.email} role={u.role} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
