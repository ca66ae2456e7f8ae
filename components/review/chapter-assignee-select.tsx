'use client';
// An admin's control on the review page: who reviews this chapter. Choosing saves at once (PUT
// /api/chapters/:id/assignee) and re-renders the page; a refusal is shown beside it.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { apiJson } from '../api-client.ts';
import type { ChapterAssignee } from '@/lib/review/assign-chapter.ts';
import type { AssignableUser } from './chapter-assignments.ts';
import { assigneeLabel } from './assignee-label.ts';

export function ChapterAssigneeSelect({ chapterId, chapterLabel, assignee, users }: { chapterId: string; chapterLabel: string; assignee: ChapterAssignee | null; users: AssignableUser[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [, startTransition] = useTransition();

  async function assign(assigneeId: string | null) {
    setSaving(true);
    setError(null);
    try {
      await apiJson(`/api/chapters/${chapterId}/assignee`, { method: 'PUT', body: { assigneeId } });
      startTransition(() => router.refresh());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <span className="flex items-center gap-2">
      <select
        aria-label={`Assignee of ${chapterLabel}`}
        value={assignee?.id ?? ''}
        disabled={saving}
        onChange={(e) => void assign(e.target.value || null)}
        className="w-64 rounded border border-slate-300 px-1 py-0.5 text-sm disabled:bg-slate-100"
      >
        <option value="">Unassigned</option>
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {assigneeLabel(u)}
            {u.role === 'admin' ? ' · admin' : ''}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
