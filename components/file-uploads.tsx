'use client';
// Uploads a set of files to a book, two at a time, each with its own progress bar and the server's reason when
// it is refused (e.g. 415 "… is not a supported audio file", 400 "… is empty (0 bytes)").
import { useCallback, useState } from 'react';
import { uploadFile } from './api-client.ts';
import { ProgressBar } from './ui/progress-bar.tsx';

export type UploadItem = { key: string; file: File; kind: 'audio' | 'ebook'; progress: number; state: 'waiting' | 'uploading' | 'done' | 'failed'; error?: string; note?: string };

export function useFileUploads() {
  const [items, setItems] = useState<UploadItem[]>([]);
  const update = (key: string, patch: Partial<UploadItem>) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...patch } : x)));

  const run = useCallback(async (bookId: string, files: { file: File; kind: 'audio' | 'ebook' }[]) => {
    const added: UploadItem[] = files.map((f, i) => ({ key: `${Date.now()}-${i}-${f.file.name}`, ...f, progress: 0, state: 'waiting' }));
    setItems((xs) => [...xs, ...added]);
    // a copy to take from: React runs the updater above later, and must still see every file (it used to see
    // only those not yet started, so a failed file's row and reason vanished)
    const queue = [...added];
    let failed = 0;
    const next = async (): Promise<void> => {
      const item = queue.shift();
      if (!item) return;
      update(item.key, { state: 'uploading' });
      try {
        const res = (await uploadFile(`/api/books/${bookId}/${item.kind}`, item.file, (p) => update(item.key, { progress: p }))) as { added?: unknown[]; skipped?: string[] };
        const note = res.skipped?.length ? `${res.added?.length ?? 0} audio files; skipped ${res.skipped.length} non-audio: ${res.skipped.join(', ')}` : res.added && res.added.length > 1 ? `${res.added.length} audio files` : undefined;
        update(item.key, { state: 'done', progress: 1, note });
      } catch (e) {
        failed++;
        update(item.key, { state: 'failed', error: (e as Error).message });
      }
      return next();
    };
    await Promise.all([next(), next()]);
    return { failed, uploaded: files.length - failed };
  }, []);

  const clear = useCallback(() => setItems([]), []);

  return { items, run, clear };
}

export function UploadList({ items }: { items: UploadItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="mt-4 space-y-2" aria-label="Uploads">
      {items.map((it) => (
        <li key={it.key} className="rounded border border-slate-200 bg-white p-2 text-sm">
          <div className="mb-1 flex justify-between gap-4">
            <span className="truncate font-medium">{it.file.name}</span>
            <span className="shrink-0 text-slate-500">
              {it.state === 'failed' ? 'failed' : it.state === 'done' ? 'uploaded' : `${Math.round(it.progress * 100)} %`} · {(it.file.size / 1048576).toFixed(1)} MB
            </span>
          </div>
          <ProgressBar value={it.progress} label={`Upload ${it.file.name}`} tone={it.state === 'failed' ? 'red' : it.state === 'done' ? 'green' : 'indigo'} />
          {it.error && <p role="alert" className="mt-1 text-red-700">{it.error}</p>}
          {it.note && <p className="mt-1 text-slate-600">{it.note}</p>}
        </li>
      ))}
    </ul>
  );
}
