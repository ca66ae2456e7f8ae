'use client';
// The re-alignment between two anchors as the reviewer sees it: the job's progress, then the proposal (old →
// new times per paragraph, shown on the waveform as dashed lines by the editor) with Accept / Discard.
import { useEffect, useState } from 'react';
import { isActive, isStopped } from '@/lib/jobs/job-status.ts';
import type { RealignProposal } from '@/lib/review/realign-proposal.ts';
import type { SpanRealignState } from '@/lib/review/get-span-realign.ts';
import { isReviewed } from '@/lib/chapter-alignment/fragment-status.ts';
import { Button } from '../ui/button.tsx';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { editorApi } from './editor-api.ts';

const POLL_MS = 1000;

export function RealignPanel({
  chapterId,
  jobId,
  busy,
  onProposal,
  onAccept,
  onDiscard,
}: {
  chapterId: string;
  jobId: string;
  busy: boolean;
  onProposal: (p: RealignProposal) => void;
  onAccept: (includeReviewed: boolean) => void;
  onDiscard: () => void;
}) {
  const [state, setState] = useState<SpanRealignState | null>(null);
  const [includeReviewed, setIncludeReviewed] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ac = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const s = await editorApi.realignState(chapterId, jobId, ac.signal);
        if (ac.signal.aborted) return;
        setState(s);
        if (s.proposal) onProposal(s.proposal);
        if (isActive(s)) timer = setTimeout(poll, POLL_MS);
      } catch (e) {
        if (!ac.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      }
    };
    void poll();
    return () => {
      ac.abort();
      clearTimeout(timer);
    };
    // onProposal is the editor's setter wrapper: polling restarts only for another job
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chapterId, jobId]);

  const proposal = state?.proposal ?? null;
  const reviewed = proposal?.fragments.filter(isReviewed).length ?? 0;
  return (
    <section aria-label="Re-alignment" className="rounded border border-violet-200 bg-violet-50 p-3 text-sm">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 className="font-semibold">Re-align between anchors</h2>
        <Button variant="ghost" onClick={onDiscard} disabled={busy}>
          {proposal ? 'Discard' : 'Close'}
        </Button>
      </div>
      {error && <p role="alert" className="text-red-700">{error}</p>}
      {state && !proposal && !isStopped(state) && (
        <div role="status" className="space-y-1">
          <ProgressBar value={state.progress} label="Re-alignment progress" />
          <p className="text-xs text-slate-600">{state.message ?? 'Waiting for the worker…'}</p>
        </div>
      )}
      {state && isStopped(state) && (
        <p role="alert" className="text-red-700">
          The re-alignment {state.status}: {state.error ?? 'no proposal'}.
        </p>
      )}
      {proposal && (
        <>
          <p className="mb-2 text-xs text-slate-600">
            Proposal for paragraphs {proposal.fragments[0]!.position + 1}–{proposal.fragments.at(-1)!.position + 1} between{' '}
            {proposal.span.begin.toFixed(2)} s ({proposal.anchoredBegin ? 'anchor' : 'chapter head'}) and {proposal.span.end.toFixed(2)} s (
            {proposal.anchoredEnd ? 'anchor' : 'chapter tail'}). Dashed lines on the waveform show the new boundaries. Nothing is saved until you accept.
          </p>
          <div className="max-h-64 overflow-y-auto">
            <table className="w-full text-xs tabular-nums" aria-label="Proposed times">
              <thead>
                <tr className="text-left text-slate-500">
                  <th className="pr-2">#</th>
                  <th className="pr-2">Now</th>
                  <th className="pr-2">Proposed</th>
                  <th className="pr-2">Confidence</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {proposal.fragments.map((f) => {
                  const moved = f.begin !== f.old.begin || f.end !== f.old.end;
                  const kept = !includeReviewed && isReviewed(f);
                  return (
                    <tr key={f.id} className={kept ? 'text-slate-400' : moved ? 'font-medium' : ''}>
                      <td className="pr-2">{f.position + 1}</td>
                      <td className="pr-2">
                        {f.old.begin.toFixed(2)}–{f.old.end.toFixed(2)}
                      </td>
                      <td className="pr-2">
                        {f.begin.toFixed(2)}–{f.end.toFixed(2)}
                      </td>
                      <td className="pr-2">
                        {f.old.confidence == null ? '—' : `${Math.round(f.old.confidence * 100)} %`} → {Math.round(f.confidence * 100)} %
                      </td>
                      <td>{kept ? `${f.status}, kept` : f.status}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {reviewed > 0 && (
            <label className="mt-2 flex items-center gap-1 text-xs">
              <input type="checkbox" checked={includeReviewed} onChange={(e) => setIncludeReviewed(e.target.checked)} />
              Also move the {reviewed} reviewed (approved / rejected) paragraph{reviewed > 1 ? 's' : ''}
            </label>
          )}
          <div className="mt-2 flex gap-2">
            <Button onClick={() => onAccept(includeReviewed)} disabled={busy}>
              Accept proposal
            </Button>
            <Button variant="secondary" onClick={onDiscard} disabled={busy}>
              Discard proposal
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
