import { describe, expect, it } from 'vitest';
import { bookJobLabel } from './book-job-label.ts';

const book = {
  book: { ebookName: 'faro-de-la-isla.txt' },
  audioFiles: [{ id: 'a1', name: 'faro_01.mp3' }, { id: 'a2', name: 'faro_02.mp3' }],
  chapters: [{ id: 'c1', position: 0, title: 'CAPÍTULO I' }],
} as unknown as Parameters<typeof bookJobLabel>[1];

describe('bookJobLabel', () => {
  it('names the file or chapter a job works on', () => {
    expect(bookJobLabel({ type: 'ingest-audio', payload: '{"audioFileId":"a2"}' }, book)).toBe('Audio ingest of faro_02.mp3');
    expect(bookJobLabel({ type: 'ingest-ebook', payload: '{"bookId":"b"}' }, book)).toBe('Ebook ingest of faro-de-la-isla.txt');
    expect(bookJobLabel({ type: 'align-chapter', payload: '{"chapterId":"c1"}' }, book)).toBe('Alignment of 1. CAPÍTULO I');
  });

  it('falls back to the kind of job when its subject is gone or the payload is unreadable', () => {
    expect(bookJobLabel({ type: 'ingest-audio', payload: '{"audioFileId":"removed"}' }, book)).toBe('Audio ingest');
    expect(bookJobLabel({ type: 'ingest-audio', payload: 'not json' }, book)).toBe('Audio ingest');
    expect(bookJobLabel({ type: 'export', payload: '{}' }, book)).toBe('export');
  });
});
