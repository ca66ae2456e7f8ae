import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/lib/db/client.ts';

export const dynamic = 'force-dynamic';

export default async function ChapterPage({ params }: { params: Promise<{ chapterId: string }> }) {
  const { chapterId } = await params;
  const chapter = await getDb().chapter.findUnique({
    where: { id: chapterId },
    include: { book: true, audioFile: true, fragments: { orderBy: { position: 'asc' } } },
  });
  if (!chapter) notFound();
  return (
    <div className="space-y-4">
      <div>
        <Link href={`/books/${chapter.bookId}`} className="text-sm text-slate-500 hover:underline">{chapter.book.title}</Link>
        <h1 className="text-2xl font-semibold">{chapter.position + 1}. {chapter.title}</h1>
        <p className="text-sm text-slate-600">{chapter.audioFile.originalName} · {chapter.fragments.length} paragraphs · alignment: {chapter.alignStatus}</p>
      </div>
      <table className="w-full rounded border border-slate-200 bg-white text-sm" aria-label="Paragraphs">
        <thead className="bg-slate-100 text-left">
          <tr><th className="w-10 px-2 py-2">#</th><th className="w-1/2">Original text</th><th>Normalised transcript</th><th className="w-28">Time</th></tr>
        </thead>
        <tbody>
          {chapter.fragments.map((f) => (
            <tr key={f.id} className="border-t border-slate-200 align-top" data-testid="fragment-row">
              <td className="px-2 py-2 text-slate-500">{f.position + 1}</td>
              <td className="whitespace-pre-line py-2 pr-4">{f.text}</td>
              <td className="py-2 pr-4 text-slate-700">{f.normText}</td>
              <td className="py-2 text-slate-500">{f.begin == null ? 'not aligned' : `${f.begin.toFixed(2)}–${f.end?.toFixed(2)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
