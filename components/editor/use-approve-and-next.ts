'use client';
// Approving: "approve" stays on the paragraph, "approve and next" goes on to the next paragraph that needs review
// (useReviewNavigation's nextToReview) with the keyboard focus on the paragraph list, not on a button that
// Space or Enter would press again. The setting — whether A does the one or the other — is kept in
// localStorage, so a reviewer's choice holds across chapters and visits.
import { useCallback, useEffect, useState } from 'react';

const KEY = 'alinea:editor:approve-and-next';

export function useApproveAndNext(opts: { approve: () => void; next: () => void; focusList: () => void }) {
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
  /** Approves; with `next`, goes on. */
  const approve = (next: boolean) => {
    opts.approve();
    if (!next) return;
    opts.next();
    opts.focusList();
  };
  return { on, set, approve };
}
