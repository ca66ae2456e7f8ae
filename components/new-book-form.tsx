'use client';
// New book: title, audio files (or a LibriVox ZIP) and the ebook; each file uploads with its own progress.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiJson } from './api-client.ts';
import { UploadList, useFileUploads } from './file-uploads.tsx';
import { Button } from './ui/button.tsx';

type Outcome = { bookId: string | null; failed: number; uploaded: number };

/** What became of a book whose upload had failures (each failed file is listed above with its reason). */
function UploadOutcome({ bookId, failed, uploaded }: Outcome) {
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  if (!bookId) {
    return (
      <p role="status" className="text-sm text-red-800">
        No file was uploaded ({files(failed)} refused, listed above), so the book was not created. Choose other files and upload again.
      </p>
    );
  }
  return (
    <p role="status" className="text-sm">
      {files(failed)} refused (listed above with the reason); {files(uploaded)} kept.{' '}
      <Link className="text-indigo-700 underline" href={`/books/${bookId}`}>Open the book</Link> to add the missing files.
    </p>
  );
}

export function NewBookForm({ projectId }: { projectId: string }) {
  const router = useRouter();
  const [title, setTitle] = useState('');
  const [author, setAuthor] = useState('');
  const [audio, setAudio] = useState<File[]>([]);
  const [ebook, setEbook] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const uploads = useFileUploads();

  return (
    <form
      className="space-y-3 rounded border border-slate-200 bg-white p-4"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        setOutcome(null);
        uploads.clear();
        try {
          const { book } = await apiJson<{ book: { id: string } }>(`/api/projects/${projectId}/books`, { body: { title, author: author || undefined } });
          const { failed, uploaded } = await uploads.run(book.id, [
            ...audio.map((file) => ({ file, kind: 'audio' as const })),
            ...(ebook ? [{ file: ebook, kind: 'ebook' as const }] : []),
          ]);
          if (failed === 0) return router.push(`/books/${book.id}`);
          // nothing made it: no empty book is left behind (the form keeps its fields for another try)
          if (uploaded === 0) await apiJson(`/api/books/${book.id}`, { method: 'DELETE' });
          setOutcome({ bookId: uploaded === 0 ? null : book.id, failed, uploaded });
          router.refresh(); // the Books table above shows the book (or no longer would)
        } catch (err) {
          setError((err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 className="text-lg font-semibold">New book</h2>
      <div className="flex flex-wrap gap-3">
        <label className="flex flex-col text-sm">
          Title
          <input className="mt-1 w-80 rounded border border-slate-300 px-2 py-1" value={title} onChange={(e) => setTitle(e.target.value)} required />
        </label>
        <label className="flex flex-col text-sm">
          Author
          <input className="mt-1 w-64 rounded border border-slate-300 px-2 py-1" value={author} onChange={(e) => setAuthor(e.target.value)} />
        </label>
      </div>
      <label className="flex flex-col text-sm">
        Audio files (mp3, ogg/opus, flac, wav, m4a) or a LibriVox ZIP
        <input
          className="mt-1"
          type="file"
          multiple
          accept="audio/*,.mp3,.ogg,.opus,.flac,.wav,.m4a,.zip"
          onChange={(e) => setAudio(Array.from(e.target.files ?? []))}
        />
      </label>
      <label className="flex flex-col text-sm">
        Ebook (.txt, .html or .epub)
        <input className="mt-1" type="file" accept=".txt,.html,.htm,.xhtml,.epub" onChange={(e) => setEbook(e.target.files?.[0] ?? null)} />
      </label>
      <Button type="submit" disabled={busy || !title.trim() || audio.length === 0 || !ebook}>
        Upload book
      </Button>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <UploadList items={uploads.items} />
      {outcome && !busy && <UploadOutcome {...outcome} />}
    </form>
  );
}
