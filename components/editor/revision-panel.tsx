'use client';
// The current paragraph's history: who, when, why, what changed; each entry can be reverted — a merge too (the
// paragraph it absorbed comes back) and a split (the paragraph split off goes away again).
import { useEffect, useState } from 'react';
import type { FragmentView } from '@/lib/review/fragment-view.ts';
import { isStructuralRevision, type RevisionSnapshot } from '@/lib/review/revision-snapshot.ts';
import { Button } from '../ui/button.tsx';
import { editorApi, type RevisionJSON } from './editor-api.ts';

function t(v: number | null | undefined): string {
  return v == null ? '—' : v.toFixed(3);
}

function changes(before: RevisionSnapshot | null, after: RevisionSnapshot): string[] {
  if (!before) return [`created: ${t(after.begin)}–${t(after.end)} s`];
  const out: string[] = [];
  if (before.begin !== after.begin || before.end !== after.end) out.push(`time ${t(before.begin)}–${t(before.end)} → ${t(after.begin)}–${t(after.end)}`);
  if (before.status !== after.status) out.push(`status ${before.status} → ${after.status}`);
  if (before.text !== after.text) out.push(`text “${before.text.slice(0, 60)}” → “${after.text.slice(0, 60)}”`);
  if (before.absorbed) out.push(`merged paragraph ${before.absorbed.position + 1}`);
  if (after.splitOff) out.push('split in two');
  out.push(...sentenceChanges(before, after));
  return out.length ? out : ['no visible change'];
}

/** Moved sentence boundaries (inside the paragraph), or a new sentence count; nothing for old revisions. */
function sentenceChanges(before: RevisionSnapshot, after: RevisionSnapshot): string[] {
  const a = before.sentences;
  const b = after.sentences;
  if (!a || !b) return [];
  if (a.length !== b.length) return [`sentences ${a.length} → ${b.length}`];
  const out: string[] = [];
  for (let k = 0; k + 1 < a.length; k++) {
    if (a[k]!.end !== b[k]!.end) out.push(`sentences ${k + 1}|${k + 2} ${t(a[k]!.end)} → ${t(b[k]!.end)}`);
  }
  return out;
}

export function RevisionPanel({
  fragment,
  onRevert,
}: {
  fragment: FragmentView;
  /** `otherId`: reverting a split, the paragraph it split off (it goes away). */
  onRevert: (revisionId: string, side: 'before' | 'after', otherId?: string) => void;
}) {
  const [revisions, setRevisions] = useState<RevisionJSON[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { id, version } = fragment;

  useEffect(() => {
    const ac = new AbortController();
    const timer = setTimeout(() => {
      editorApi
        .revisions(id, ac.signal)
        .then((r) => {
          if (ac.signal.aborted) return;
          setRevisions(r);
          setError(null);
        })
        .catch((e: unknown) => {
          if (!ac.signal.aborted) setError(e instanceof Error ? e.message : String(e));
        });
    }, 300);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [id, version]);

  return (
    <section aria-label="Revision history" className="rounded border border-slate-200 bg-white p-3">
      <h3 className="mb-2 text-sm font-semibold">History of paragraph {fragment.position + 1}</h3>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {revisions === null ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : revisions.length === 0 ? (
        <p className="text-sm text-slate-500">No changes yet: this is the aligner’s result.</p>
      ) : (
        <ol className="max-h-64 space-y-2 overflow-y-auto text-xs" data-testid="revision-list">
          {revisions.map((r) => (
            <li key={r.id} className="rounded border border-slate-100 p-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">
                  v{r.version} · {r.reason}
                </span>
                <span className="text-slate-500">
                  {r.user ? (r.user.name ?? r.user.email) : 'Alinea (worker)'} · {new Date(r.createdAt).toLocaleString()}
                </span>
              </div>
              <ul className="mt-1 text-slate-700">
                {changes(r.before, r.after).map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
              {r.before && (isStructuralRevision(r) || (r.before.begin !== null && r.reason !== 'split' && r.reason !== 'merge')) && (
                <Button
                  variant="ghost"
                  className="mt-1 !px-2 !py-0.5 text-xs"
                  onClick={() => onRevert(r.id, 'before', r.after.splitOff?.id)}
                  aria-label={`Revert to before v${r.version}`}
                >
                  {r.before.absorbed ? 'Revert to before this (split them again)' : r.after.splitOff ? 'Revert to before this (one paragraph again)' : 'Revert to before this'}
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
