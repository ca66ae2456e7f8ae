'use client';
// The project's exports: live progress, cancel, stats, per-file downloads (clips play in place), the whole export
// as .tar, verify, delete.
import { useState } from 'react';
import { isActive } from '@/lib/jobs/job-status.ts';
import type { ExportView } from '@/lib/export/export-view.ts';
import type { VerifyReport } from '@/lib/export/verify-export-dir.ts';
import { apiJson } from '../api-client.ts';
import { useAction } from '../data-layer/use-action.ts';
import { useApi } from '../data-layer/use-api.ts';
import { Button } from '../ui/button.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { StatusBadge } from '../ui/status-badge.tsx';
import { TrainExportForm } from '../training/train-export-form.tsx';

function fmtBytes(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(2)} GB` : n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`;
}

function fileUrl(exportId: string, filePath: string): string {
  return `/api/exports/${exportId}/files/${filePath.split('/').map(encodeURIComponent).join('/')}`;
}

/** An exported utterance the browser can play (the LibriSpeech FLACs; TFRecord shards hold samples, not files). */
function isClip(f: { path: string }): boolean {
  return f.path.endsWith('.flac');
}

/** `onChange` fetches the list again (after a cancel or a delete). */
export function ExportList({ exports, onChange }: { exports: ExportView[]; onChange: () => Promise<unknown> }) {
  return (
    <section aria-label="Exports" className="space-y-3">
      <h2 className="text-lg font-semibold">Exports</h2>
      {exports.length === 0 ? <p className="text-slate-600">No exports yet.</p> : (
        <ul className="space-y-3">
          {exports.map((e) => <ExportItem key={e.id} exp={e} onChange={onChange} />)}
        </ul>
      )}
    </section>
  );
}

function ExportItem({ exp, onChange }: { exp: ExportView; onChange: () => Promise<unknown> }) {
  const { data: listing, error: filesError } = useApi<{ files: { path: string; bytes: number }[] }>(exp.status === 'succeeded' ? `/api/exports/${exp.id}/files` : null);
  const files = listing?.files;
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [clip, setClip] = useState<string | null>(null); // the exported FLAC clip playing, by path
  const { busy, error, run } = useAction();
  const s = exp.settings;
  const active = isActive(exp);

  const act = (fn: () => Promise<unknown>) =>
    run(async () => {
      await fn();
      await onChange();
    });

  return (
    <li aria-label={`Export ${exp.id}`} className="space-y-2 rounded border border-slate-200 bg-white p-4 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <StatusBadge status={exp.status} />
        <span className="font-mono text-xs text-slate-500">{exp.id}</span>
        <span className="text-slate-600">{new Date(exp.createdAt).toLocaleString()}</span>
        <span className="text-slate-600">
          {s.unit === 'sentence' ? 'sentences · ' : ''}{s.filters.statuses.join('+')}{s.includeHeadings ? ' + headings' : ''} · {s.filters.minDuration}–{s.filters.maxDuration} s · {s.ratios.train}/{s.ratios.dev}/{s.ratios.test} by {s.group} · seed {s.seed} · {s.formats.join(', ')}
          {s.t2t ? ' + t2t' : ''}{s.gzip ? ' · gzip' : ''}
        </span>
        <span className="ml-auto flex gap-2">
          {active && <Button variant="secondary" disabled={busy} onClick={() => act(() => apiJson(`/api/exports/${exp.id}/cancel`, { method: 'POST' }))}>Cancel</Button>}
          {exp.status === 'succeeded' && (
            <Button variant="secondary" disabled={busy} onClick={() => act(async () => setReport((await apiJson<{ report: VerifyReport }>(`/api/exports/${exp.id}/verify`, { method: 'POST' })).report))}>Verify</Button>
          )}
          {!active && <Button variant="danger" disabled={busy} onClick={() => act(() => apiJson(`/api/exports/${exp.id}`, { method: 'DELETE' }))}>Delete</Button>}
        </span>
      </div>
      {active && (
        <div className="space-y-1">
          <ProgressBar value={exp.progress} label="Export progress" />
          <p className="text-xs text-slate-600">{exp.message ?? (exp.status === 'queued' ? 'Waiting for the worker…' : 'Starting…')}</p>
        </div>
      )}
      {exp.error && exp.status === 'failed' && <p role="alert" className="text-red-700">{exp.error}</p>}
      <ErrorAlert error={error ?? filesError} />
      {report && (
        <p role="status" className={report.ok ? 'text-emerald-700' : 'text-red-700'}>
          {report.ok ? `Verified: ${report.shards} shards, ${report.examples} examples, all checksums match (${report.seconds} s).` : `Verification failed: ${report.problems.join('; ')}`}
        </p>
      )}
      {exp.stats && (
        <table aria-label="Export statistics" className="text-xs">
          <thead className="text-left text-slate-500"><tr><th className="pr-4">Split</th><th className="pr-4">Examples</th><th className="pr-4">Hours</th><th>Speakers</th></tr></thead>
          <tbody>
            {(['train', 'dev', 'test'] as const).map((k) => (
              <tr key={k}><td className="pr-4">{k}</td><td className="pr-4">{exp.stats!.splits[k].examples}</td><td className="pr-4">{exp.stats!.splits[k].hours.toFixed(3)}</td><td>{exp.stats!.splits[k].speakers}</td></tr>
            ))}
            <tr className="text-slate-500"><td colSpan={4}>{exp.stats.shards} shards · {fmtBytes(exp.stats.bytes)} · {exp.stats.seconds} s</td></tr>
          </tbody>
        </table>
      )}
      {exp.status === 'succeeded' && exp.settings.formats.includes('tfrecord') && <TrainExportForm exportId={exp.id} />}
      {exp.status === 'succeeded' && (
        <div className="space-y-1">
          <a className="font-medium text-indigo-700 hover:underline" href={`/api/exports/${exp.id}/archive`} download>Download all (.tar)</a>
          {files && (
            <details>
              <summary className="cursor-pointer text-slate-600">Files ({files.length})</summary>
              {clip && (
                <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
                  <span className="font-mono text-slate-600">{clip}</span>
                  {/* the files route answers HTTP Range, so the browser streams and seeks the FLAC */}
                  <audio aria-label="Exported clip" controls autoPlay src={fileUrl(exp.id, clip)} className="h-8" />
                </div>
              )}
              <ul aria-label="Export files" className="mt-1 max-h-64 overflow-auto font-mono text-xs">
                {files.map((f) => (
                  <li key={f.path}>
                    {isClip(f) && (
                      <button type="button" aria-label={`Play ${f.path}`} title="Play this clip" className="mr-1 text-indigo-700 hover:text-indigo-900" onClick={() => setClip(f.path)}>▶</button>
                    )}
                    <a className="text-indigo-700 hover:underline" href={fileUrl(exp.id, f.path)} download>{f.path}</a>
                    <span className="ml-2 text-slate-500">{fmtBytes(f.bytes)}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </li>
  );
}
