import { notFound } from 'next/navigation';
import { getBookOverview } from '@/lib/ingest/get-book-overview.ts';
import { isAppError } from '@/lib/errors/app-error.ts';
import { BookView } from '@/components/book-view.tsx';

export const dynamic = 'force-dynamic';

export default async function BookPage({ params }: { params: Promise<{ bookId: string }> }) {
  const { bookId } = await params;
  try {
    return <BookView initial={await getBookOverview(bookId)} />;
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}
