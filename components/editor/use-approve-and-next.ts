'use client';
// The "approve and next" setting: whether A (and the Approve shortcut's button) goes on to the next paragraph to
// review after approving, or stays. Kept in localStorage, so a reviewer's choice holds across chapters and visits.
import { useCallback, useEffect, useState } from 'react';

const KEY = 'alinea:editor:approve-and-next';

export function useApproveAndNext() {
  const [on, setOn] = useState(true);
  useEffect(() => {
    try {
      const stored = localStorage.getItem(KEY);
      if (stored !== null) setOn(stored === '1');
    } catch {
      /* storage disabled: the default holds */
    }
  }, []);
  const set = useCallback((value: boolean) => {
    setOn(value);
    try {
      localStorage.setItem(KEY, value ? '1' : '0');
    } catch {
      /* storage disabled: the choice holds for this page */
    }
  }, []);
  return { on, set };
}
