import { redirect } from 'next/navigation';
import { getPageUser } from '@/components/auth/page-user.ts';
import { SignInForm } from '@/components/auth/sign-in-form.tsx';
import { safeNextPath } from '@/lib/auth/safe-next-path.ts';

export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await getPageUser()) redirect(safeNextPath(next));
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <SignInForm next={safeNextPath(next)} />
      <p className="text-sm text-slate-600">
        No account? An admin creates them on the Users page (or with <code>npx alinea create-user</code>). The first
        admin’s password is printed when Alinea first starts, and kept in <code>data/first-admin.txt</code>.
      </p>
    </div>
  );
}
