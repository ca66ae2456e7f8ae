'use client';
// The editor's one message line: a conflict (with "Apply my change again"), an error, or information (with a
// link to go on).
import Link from 'next/link';
import type { FragmentState } from '@/lib/review/undo-stack.ts';
import { Button } from '../ui/button.tsx';

export type Notice = {
  kind: 'conflict' | 'error' | 'info';
  message: string;
  /** What the reviewer tried to save, to apply again on top of the other change. */
  mine?: Array<{ id: string; changes: Partial<FragmentState> }>;
  /** Somewhere to go next (the next chapter with unreviewed paragraphs). */
  link?: { href: string; label: string };
};

export function EditorNotice({ notice, onReapply, onDismiss }: { notice: Notice; onReapply: () => void; onDismiss: () => void }) {
  return (
    <div
      role={notice.kind === 'info' ? 'status' : 'alert'}
      className={`flex flex-wrap items-center justify-between gap-2 rounded border px-3 py-2 text-sm ${
        notice.kind === 'info' ? 'border-sky-200 bg-sky-50 text-sky-900' : 'border-red-200 bg-red-50 text-red-900'
      }`}
    >
      <span>{notice.message}</span>
      <span className="flex gap-2">
        {notice.link && (
          <Link href={notice.link.href} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
            {notice.link.label}
          </Link>
        )}
        {notice.mine && notice.mine.length > 0 && (
          <Button variant="secondary" onClick={onReapply}>
            Apply my change again
          </Button>
        )}
        <Button variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      </span>
    </div>
  );
}
