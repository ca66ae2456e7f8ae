'use client';
// The book page: audio files, ebook, live job progress, the proposed split and the chapters.
import Link from 'next/link';
import type { BookOverview } from '@/lib/ingest/get-book-overview.ts';
import { isActive } from '@/lib/jobs/job-status.ts';
import { isAudioPending } from '@/lib/ingest/audio-file-status.ts';
import { isEbookPending } from '@/lib/ingest/ebook-status.ts';
import { apiJson } from './api-client.ts';
import { bookJobLabel } from './book-job-label.ts';
import { useIsAdmin } from './auth/current-user.tsx';
import { UploadList, useFileUploads } from './file-uploads.tsx';
import { whileActive } from './data-layer/refresh-interval.ts';
import { useAction } from './data-layer/use-action.ts';
import { useApi } from './data-layer/use-api.ts';
import { SplitParagraphSelect } from './split-paragraph-select.tsx';
import { Button } from './ui/button.tsx';
import { ErrorAlert } from './ui/error-alert.tsx';
import { ProgressBar } from './ui/progress-bar.tsx';
import { StatusBadge } from './ui/status-badge.tsx';

function fmtDuration(sec: number | null): string {
  if (sec == null) return '—';
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = Math.floor(sec % 60);
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
}

function fmt(n: number | null | undefined, digits = 1, unit = ''): string {
  return n == null || !Number.isFinite(n) ? '—' : `${n.toFixed(digits)}${unit}`;
}

/** Something the worker is still doing for this book: the page polls fast while it lasts. */
function bookIsBusy(data: BookOverview): boolean {
  return (
    data.jobs.some(isActive) ||
    data.audioFiles.some(isAudioPending) ||
    isEbookPending(data.book)
  );
}

/** "paragraph 3" or "paragraphs 3–5" (1-based, inclusive). */
function paragraphRange(first: number, last: number): string {
  return first === last ? `paragraph ${first}` : `paragraphs ${first}–${last}`;
}

export function BookView({ initial }: { initial: BookOverview }) {
  const bookId = initial.book.id;
  const { data, error: loadError, mutate } = useApi(`/api/books/${bookId}`, { initial, refreshInterval: whileActive(bookIsBusy, 1000, 4000) });
  const { busy, error, run } = useAction();
  const uploads = useFileUploads();
  const isAdmin = useIsAdmin(); // reviewers see no upload, reorder, remove, split or job controls (the API refuses them)

  const refresh = () => mutate();
  const act = (fn: () => Promise<unknown>) =>
    run(async () => {
      await fn();
      await mutate();
    });
  const active = bookIsBusy(data);

  const accepted = data.book.splitStatus === 'accepted';
  const runningJobs = data.jobs.filter(isActive);
  const failedJobs = data.jobs.filter((j) => j.status === 'failed');
  const report = data.book.ebookReport;

  return (
    <div className="space-y-8">
      <div>
        <Link href={`/projects/${data.project.id}`} className="text-sm text-slate-500 hover:underline">{data.project.name}</Link>
        <h1 className="text-2xl font-semibold">{data.book.title}</h1>
        {data.book.author && <p className="text-slate-600">{data.book.author}</p>}
      </div>

      <ErrorAlert error={error ?? loadError} />
      {data.book.notices.length > 0 && (
        <ul aria-label="Notices" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {data.book.notices.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}

      <section aria-label="Jobs">
        <h2 className="mb-2 text-lg font-semibold">Jobs</h2>
        {runningJobs.length === 0 && failedJobs.length === 0 && <p className="text-sm text-slate-600">No jobs running.</p>}
        <ul className="space-y-2">
          {runningJobs.map((j) => (
            <li key={j.id} className="rounded border border-slate-200 bg-white p-2 text-sm">
              <div className="mb-1 flex items-center justify-between gap-3">
                <span>{bookJobLabel(j, data)} <StatusBadge status={j.status} /> <span className="text-slate-500">{j.message}</span></span>
                {isAdmin && <Button variant="ghost" disabled={busy} onClick={() => act(() => apiJson(`/api/jobs/${j.id}/cancel`, { body: {} }))}>Cancel</Button>}
              </div>
              <ProgressBar value={j.progress} label={`${bookJobLabel(j, data)} progress`} />
            </li>
          ))}
          {failedJobs.map((j) => (
            <li key={j.id} className="flex items-center justify-between gap-3 rounded border border-red-200 bg-red-50 p-2 text-sm">
              <span>{bookJobLabel(j, data)} failed: {j.error}</span>
              {isAdmin && <Button variant="secondary" disabled={busy} onClick={() => act(() => apiJson(`/api/jobs/${j.id}/retry`, { body: {} }))}>Retry</Button>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-label="Audio files">
        <h2 className="mb-2 text-lg font-semibold">Audio files ({data.audioFiles.length})</h2>
        <div className="overflow-x-auto">
          <table className="w-full rounded border border-slate-200 bg-white text-sm">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th className="px-2 py-2">#</th><th>File</th><th>Status</th><th>Duration</th><th>Format</th>
                <th title="EBU R128 integrated loudness">Loudness</th><th>True peak</th><th>Clipping</th><th />
              </tr>
            </thead>
            <tbody>
              {data.audioFiles.map((a, i) => (
                <tr key={a.id} className="border-t border-slate-200 align-top" data-testid="audio-row">
                  <td className="px-2 py-2">{i + 1}</td>
                  <td className="max-w-xs break-all">
                    {a.name}
                    {a.error && <p role="alert" className="text-red-700">{a.error}</p>}
                  </td>
                  <td><StatusBadge status={a.status} /></td>
                  <td>{fmtDuration(a.durationSec)}</td>
                  <td>{a.codec ? `${a.codec} · ${a.channels} ch · ${a.sampleRate} Hz${a.bitRate ? ` · ${Math.round(a.bitRate / 1000)} kbps` : ''}` : '—'}</td>
                  <td>{fmt(a.loudnessLufs, 1, ' LUFS')}</td>
                  <td>{fmt(a.truePeakDb, 1, ' dBTP')}</td>
                  <td className={a.clippedSamples ? 'text-red-700' : ''}>
                    {a.clippedSamples == null ? '—' : a.clippedSamples === 0 ? 'none' : `${a.clippedSamples} samples (${((a.clippedRatio ?? 0) * 100).toFixed(3)} %)`}
                  </td>
                  <td className="whitespace-nowrap">
                    {!accepted && isAdmin && (
                      <>
                        <Button variant="ghost" aria-label={`Move ${a.name} up`} disabled={busy || i === 0} onClick={() => act(() => apiJson(`/api/books/${bookId}/audio-order`, { body: { audioFileId: a.id, delta: -1 } }))}>↑</Button>
                        <Button variant="ghost" aria-label={`Move ${a.name} down`} disabled={busy || i === data.audioFiles.length - 1} onClick={() => act(() => apiJson(`/api/books/${bookId}/audio-order`, { body: { audioFileId: a.id, delta: 1 } }))}>↓</Button>
                        <Button variant="ghost" aria-label={`Remove ${a.name}`} disabled={busy || a.status === 'ingesting'} onClick={() => confirm(`Remove ${a.name}?`) && act(() => apiJson(`/api/books/${bookId}/audio/${a.id}`, { method: 'DELETE' }))}>✕</Button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {!accepted && isAdmin && (
          <div className="mt-3 flex flex-wrap items-center gap-4 text-sm">
            <label>
              Add audio files or a ZIP:{' '}
              <input type="file" multiple accept="audio/*,.mp3,.ogg,.opus,.flac,.wav,.m4a,.zip" onChange={async (e) => {
                const files = Array.from(e.target.files ?? []);
                e.target.value = '';
                await uploads.run(bookId, files.map((file) => ({ file, kind: 'audio' as const })));
                await refresh();
              }} />
            </label>
            <label>
              {data.book.ebookName ? 'Replace the ebook:' : 'Add the ebook:'}{' '}
              <input type="file" accept=".txt,.html,.htm,.xhtml,.epub" onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) await uploads.run(bookId, [{ file, kind: 'ebook' }]);
                await refresh();
              }} />
            </label>
          </div>
        )}
        <UploadList items={uploads.items} />
      </section>

      <section aria-label="Ebook">
        <h2 className="mb-2 text-lg font-semibold">Ebook</h2>
        {!data.book.ebookName ? (
          <p className="text-sm text-slate-600">No ebook uploaded yet.</p>
        ) : (
          <div className="rounded border border-slate-200 bg-white p-3 text-sm">
            <p>{data.book.ebookName} <StatusBadge status={data.book.ebookStatus} /></p>
            {data.book.ebookError && <p role="alert" className="mt-1 text-red-700">{data.book.ebookError}</p>}
            {report && (
              <div className="mt-2 space-y-1 text-slate-700">
                <p>{report.format} · {report.encoding} · {report.paragraphs} paragraphs · {report.headingCount} headings · Gutenberg header {report.gutenbergHeader ? 'removed' : 'not found'}, footer {report.gutenbergFooter ? 'removed' : 'not found'}</p>
                {report.warnings.map((w) => <p key={w} className="text-amber-800">⚠ {w}</p>)}
                {report.removed.length > 0 && (
                  <details>
                    <summary className="cursor-pointer">Removed from the text: {report.removed.length} items (illustrations, footnotes, table of contents …)</summary>
                    <ul className="mt-1 max-h-60 overflow-auto pl-4">
                      {report.removed.map((r, i) => <li key={i}><span className="font-medium">{r.kind}</span> (paragraph {r.paragraph}): {r.text.slice(0, 160)}</li>)}
                    </ul>
                  </details>
                )}
              </div>
            )}
          </div>
        )}
      </section>

      {data.split && !accepted && (
        <section aria-label="Proposed split">
          <h2 className="mb-1 text-lg font-semibold">Proposed split: {data.split.parts.length} parts for {data.split.parts.length} audio files</h2>
          <p className="mb-2 text-sm text-slate-600">Each part of the ebook becomes the chapter of the audio file beside it. Move a part’s first paragraph if a boundary is wrong (part 1’s to skip front matter, the last part’s end to drop back matter), then accept.</p>
          {data.split.starts[0]! > 0 && (
            <p className="mb-2 text-sm text-amber-800">Left out before part 1: {paragraphRange(1, data.split.starts[0]!)}.</p>
          )}
          <ol className="space-y-2">
            {data.split.parts.map((p) => (
              <li key={p.index} className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="split-part">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium">Part {p.index + 1} ↔ {p.audioName} ({fmtDuration(p.audioDurationSec)})</span>
                  <span className="text-slate-500">paragraphs {p.start + 1}–{p.end + 1} ({p.paragraphs}) · {p.chars.toLocaleString()} characters</span>
                </div>
                {p.heading && <p className="mt-1 font-medium text-slate-800">{p.heading}</p>}
                <p className="mt-1 text-slate-700">Starts: “{p.firstText}”</p>
                <p className="text-slate-500">Ends: “{p.lastText}”</p>
                {data.paragraphTexts && isAdmin && (
                  <SplitParagraphSelect
                    label="Starts at paragraph"
                    ariaLabel={`First paragraph of part ${p.index + 1}`}
                    paragraphTexts={data.paragraphTexts}
                    allowed={(idx) => idx > (data.split!.starts[p.index - 1] ?? -1) && idx < (data.split!.starts[p.index + 1] ?? data.split!.end)}
                    value={p.start}
                    disabled={busy}
                    onChange={(newStart) => act(() => apiJson(`/api/books/${bookId}/split`, { body: { action: 'move', partIndex: p.index, newStart } }))}
                  />
                )}
                {p.index === data.split!.parts.length - 1 && data.paragraphTexts && isAdmin && (
                  <SplitParagraphSelect
                    label="Ends at paragraph"
                    ariaLabel={`Last paragraph of part ${p.index + 1}`}
                    paragraphTexts={data.paragraphTexts}
                    allowed={(idx) => idx >= p.start}
                    value={p.end}
                    disabled={busy}
                    onChange={(lastParagraph) => act(() => apiJson(`/api/books/${bookId}/split`, { body: { action: 'end', lastParagraph } }))}
                  />
                )}
              </li>
            ))}
          </ol>
          {data.split.end < data.split.paragraphCount && (
            <p className="mt-2 text-sm text-amber-800">Left out after the last part: {paragraphRange(data.split.end + 1, data.split.paragraphCount)}.</p>
          )}
          {isAdmin && (
            <div className="mt-3 flex gap-3">
              <Button disabled={busy} onClick={() => act(() => apiJson(`/api/books/${bookId}/split`, { body: { action: 'accept', starts: data.split!.starts, end: data.split!.end } }))}>Accept split</Button>
              <Button variant="secondary" disabled={busy} onClick={() => act(() => apiJson(`/api/books/${bookId}/split`, { body: { action: 'repropose' } }))}>Propose again</Button>
            </div>
          )}
        </section>
      )}

      <section aria-label="Chapters">
        <div className="mb-2 flex items-center justify-between">
          <h2 className="text-lg font-semibold">
            Chapters ({data.chapters.length})
            {data.chapters.length > 0 && (
              <Link href={`/books/${bookId}/review`} className="ml-3 text-sm font-normal text-indigo-700 hover:underline">
                Review queue and progress
              </Link>
            )}
          </h2>
          {data.chapters.length > 0 && (
            <Button variant="secondary" disabled={busy} onClick={() => act(() => apiJson(`/api/books/${bookId}/align`, { body: {} }))}>
              {data.chapters.every((c) => c.alignStatus === 'pending') ? 'Align all chapters' : 'Re-align all chapters'}
            </Button>
          )}
        </div>
        {data.chapters.length === 0 ? (
          <p className="text-sm text-slate-600">{active ? 'Ingesting… the split is proposed when the audio and the ebook are ready.' : 'Accept the proposed split to create chapters.'}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
            {data.chapters.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between px-3 py-2 text-sm" data-testid="chapter-row">
                <Link className="font-medium text-indigo-700 hover:underline" href={`/chapters/${c.id}`}>{c.position + 1}. {c.title}</Link>
                <span className="flex items-center gap-2 text-slate-500">
                  {c.audioName} · {fmtDuration(c.durationSec)} · {c.fragments} paragraphs
                  <StatusBadge status={c.alignStatus} />
                  {c.meanConfidence != null && <span title="Mean alignment confidence">confidence {(c.meanConfidence * 100).toFixed(0)} %</span>}
                </span>
                {c.alignError && <p role="alert" className="w-full text-red-700">{c.alignError}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
