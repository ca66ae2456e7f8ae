import type { Metadata } from 'next';
import Link from 'next/link';
import { CurrentUserProvider } from '@/components/auth/current-user.tsx';
import { getPageUser } from '@/components/auth/page-user.ts';
import { SignOutButton } from '@/components/auth/sign-out-button.tsx';
import './globals.css';

export const metadata: Metadata = {
  title: 'Alinea',
  description: 'Audiobooks and ebooks into a reviewed speech-to-text corpus',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getPageUser();
  return (
    <html lang="en">
      <body>
        <header className="border-b border-slate-200 bg-white">
          <nav className="mx-auto flex max-w-6xl items-center gap-6 px-6 py-3" aria-label="Main">
            {/* a signed-out visitor can only sign in: no links into pages that would send them back here */}
            {user ? (
              <>
                <Link href="/" className="text-lg font-semibold tracking-tight text-indigo-700">
                  Alinea
                </Link>
                <Link href="/" className="text-sm text-slate-600 hover:text-slate-900">
                  Projects
                </Link>
                <Link href="/runs" className="text-sm text-slate-600 hover:text-slate-900">
                  Training runs
                </Link>
                <Link href="/try" className="text-sm text-slate-600 hover:text-slate-900">
                  Try it
                </Link>
                {user.role === 'admin' && (
                  <Link href="/admin/users" className="text-sm text-slate-600 hover:text-slate-900">
                    Users
                  </Link>
                )}
                <span className="ml-auto flex items-center gap-3 text-sm text-slate-600" aria-label="Signed in">
                  <span>
                    {user.email} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{user.role}</span>
                  </span>
                  <SignOutButton />
                </span>
              </>
            ) : (
              <>
                <span className="text-lg font-semibold tracking-tight text-indigo-700">Alinea</span>
                <Link href="/sign-in" className="ml-auto text-sm font-medium text-indigo-700 hover:underline">
                  Sign in
                </Link>
              </>
            )}
          </nav>
        </header>
        <main className="mx-auto max-w-6xl px-6 py-8">
          <CurrentUserProvider user={user}>{children}</CurrentUserProvider>
        </main>
      </body>
    </html>
  );
}
