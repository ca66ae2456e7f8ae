import { describe, expect, it } from 'vitest';
import { AUDIO_FILE_STATUSES, isAudioPending } from './audio-file-status.ts';
import { EBOOK_STATUSES, isEbookPending } from './ebook-status.ts';

describe('ingest statuses', () => {
  it('calls an audio file pending until it is ready or failed', () => {
    expect(AUDIO_FILE_STATUSES.filter((status) => isAudioPending({ status }))).toEqual(['uploaded', 'ingesting']);
  });

  it('calls an ebook pending while uploaded or processing', () => {
    expect(EBOOK_STATUSES.filter((ebookStatus) => isEbookPending({ ebookStatus }))).toEqual(['uploaded', 'processing']);
  });
});
