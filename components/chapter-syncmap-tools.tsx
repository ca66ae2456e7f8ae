'use client';
// Export the chapter's sync map in any format; import one (replaces the times, keeps revisions); re-align.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiJson, uploadFile } from './api-client.ts';
import { Button } from './ui/button.tsx';

const FORMATS = [
  ['json', 'aeneas JSON'], ['smil', 'SMIL'], ['srt', 'SRT'], ['vtt', 'WebVTT'], ['csv', 'CSV'], ['tsv', 'TSV'], ['aud', 'Audacity labels'], ['textgrid', 'Praat TextGrid'],
] as const;

export function ChapterSyncMapTools({
  chapterId,
  aligned,
  onImported,
}: {
  chapterId: string;
  aligned: boolean;
  /** Called after a successful import (the review editor reloads its paragraphs); the page is refreshed too. */
  onImported?: () => void;
}) {
  const router = useRouter();
  const [format, setFormat] = useState<string>('json');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-3 text-sm">
      <label className="flex items-center gap-2">
        Sync map format
        <select className="rounded border border-slate-300 px-1 py-0.5" value={format} onChange={(e) => setFormat(e.target.value)}>
          {FORMATS.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
        </select>
      </label>
      {aligned ? (
        <a className="rounded border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-50" href={`/api/chapters/${chapterId}/syncmap?format=${format}`}>Export sync map</a>
      ) : (
        <span className="text-slate-500">Export needs an aligned chapter</span>
      )}
      <label className="flex items-center gap-2">
        Import sync map
        <input
          type="file"
          accept=".json,.smil,.srt,.vtt,.csv,.tsv,.txt,.TextGrid"
          disabled={busy}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            setBusy(true);
            try {
              const r = (await uploadFile(`/api/chapters/${chapterId}/syncmap`, file, () => {})) as { fragments: number; format: string };
              setMessage({ ok: true, text: `Imported ${r.fragments} fragment times from ${file.name} (${r.format}).` });
              router.refresh();
              onImported?.();
            } catch (err) {
              setMessage({ ok: false, text: (err as Error).message });
            } finally {
              setBusy(false);
            }
          }}
        />
      </label>
      <Button
        variant="secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await apiJson(`/api/chapters/${chapterId}/align`, { body: {} });
            setMessage({ ok: true, text: 'Alignment queued; follow it on the book page.' });
          } catch (err) {
            setMessage({ ok: false, text: (err as Error).message });
          } finally {
            setBusy(false);
          }
        }}
      >
        {aligned ? 'Re-align' : 'Align'}
      </Button>
      {message && <p role={message.ok ? 'status' : 'alert'} className={`w-full ${message.ok ? 'text-emerald-700' : 'text-red-700'}`}>{message.text}</p>}
    </div>
  );
}
