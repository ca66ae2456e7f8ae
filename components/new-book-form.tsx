'use client';
// New book: title, audio files (or a LibriVox ZIP) and the ebook; each file uploads with its own progress.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiJson } from './api-client.ts';
import { UploadList, useFileUploads } from './file-uploads.tsx';
import { Button } from './ui/button.tsx';

export function NewBookForm({ projectId }: { projectId: string }) {
  const router = useRouter();
  const [title, setTitle] = useState('');
  const [author, setAuthor] = useState('');
  const [audio, setAudio] = useState<File[]>([]);
  const [ebook, setEbook] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [bookId, setBookId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const uploads = useFileUploads();

  return (
    <form
      className="space-y-3 rounded border border-slate-200 bg-white p-4"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const { book } = await apiJson<{ book: { id: string } }>(`/api/projects/${projectId}/books`, { body: { title, author: author || undefined } });
          setBookId(book.id);
          const failures = await uploads.run(book.id, [
            ...audio.map((file) => ({ file, kind: 'audio' as const })),
            ...(ebook ? [{ file: ebook, kind: 'ebook' as const }] : []),
          ]);
          if (failures === 0) router.push(`/books/${book.id}`);
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
      {bookId && !busy && (
        <p className="text-sm">
          Some files failed; the others were kept. <Link className="text-indigo-700 underline" href={`/books/${bookId}`}>Open the book</Link> to see them or add files.
        </p>
      )}
    </form>
  );
}
