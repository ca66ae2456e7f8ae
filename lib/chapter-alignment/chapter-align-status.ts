// A chapter's alignment status (Chapter.alignStatus): 'pending' until its job runs (and again while a retry
// waits), 'aligning' while it runs, then 'aligned' or 'failed'. Pure: the components import it too.
export const CHAPTER_ALIGN_STATUSES = ['pending', 'aligning', 'aligned', 'failed'] as const;
export type ChapterAlignStatus = (typeof CHAPTER_ALIGN_STATUSES)[number];

export function isChapterAligned(chapter: { alignStatus: string }): boolean {
  return chapter.alignStatus === 'aligned';
}
