'use client';
import { useState } from 'react';

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      onClick={async () => {
        setBusy(true);
        // better-auth deletes the session row and clears the cookie
        await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => {});
        window.location.assign('/sign-in');
      }}
    >
      Sign out
    </button>
  );
}
