'use client';
// Client side: the signed-in user, provided once by the root layout, so that components can hide what the
// user's role may not do (the API refuses it anyway: 403).
import { createContext, useContext } from 'react';
import type { PageUser } from './page-user.ts';

const CurrentUserContext = createContext<PageUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: PageUser | null; children: React.ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): PageUser | null {
  return useContext(CurrentUserContext);
}

/** Whether the signed-in user may upload, delete, export and train. */
export function useIsAdmin(): boolean {
  return useContext(CurrentUserContext)?.role === 'admin';
}
