'use client';
import { useState } from 'react';
import { safeNextPath } from '@/lib/auth/safe-next-path.ts';
import { Button } from '../ui/button.tsx';

export function SignInForm({ next }: { next?: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-4 rounded border border-slate-200 bg-white p-6"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const res = await fetch('/api/auth/sign-in/email', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email, password }),
          });
          if (!res.ok) {
            const data = (await res.json().catch(() => ({}))) as { message?: string };
            setError(
              res.status === 401
                ? 'Wrong email or password. Try again, or ask an admin to set a new password.'
                : res.status === 429
                  ? (data.message ?? 'Too many attempts: wait a minute and try again.')
                  : (data.message ?? `Sign-in failed (${res.status}).`),
            );
            return;
          }
          // a full load, so that the header and every page see the new session
          window.location.assign(safeNextPath(next));
        } catch {
          setError('Could not reach the server; check that Alinea is running and try again.');
        } finally {
          setBusy(false);
        }
      }}
    >
      <label className="flex flex-col text-sm">
        Email
        <input className="mt-1 rounded border border-slate-300 px-2 py-1" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label className="flex flex-col text-sm">
        Password
        <input className="mt-1 rounded border border-slate-300 px-2 py-1" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <Button type="submit" disabled={busy || !email || !password}>
        Sign in
      </Button>
    </form>
  );
}
