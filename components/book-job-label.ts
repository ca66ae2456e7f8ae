// What a book's job is about, for its row on the book page: "Audio ingest of faro_02.mp3", "Alignment of 2. …".
// The payload names the row (audio file, chapter); the book overview holds their names.
import type { BookOverview } from '@/lib/ingest/get-book-overview.ts';

const JOB_KINDS: Record<string, string> = { 'ingest-audio': 'Audio ingest', 'ingest-ebook': 'Ebook ingest', 'align-chapter': 'Alignment' };

function payloadOf(job: { payload: string }): Record<string, unknown> {
  try {
    const p: unknown = JSON.parse(job.payload);
    return p && typeof p === 'object' ? (p as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function bookJobLabel(job: { type: string; payload: string }, book: Pick<BookOverview, 'audioFiles' | 'chapters' | 'book'>): string {
  const kind = JOB_KINDS[job.type] ?? job.type;
  const p = payloadOf(job);
  const subject =
    job.type === 'ingest-audio' ? book.audioFiles.find((a) => a.id === p.audioFileId)?.name
    : job.type === 'ingest-ebook' ? book.book.ebookName
    : job.type === 'align-chapter' ? (() => { const c = book.chapters.find((x) => x.id === p.chapterId); return c ? `${c.position + 1}. ${c.title}` : undefined; })()
    : undefined;
  return subject ? `${kind} of ${subject}` : kind;
}
