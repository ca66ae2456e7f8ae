'use client';
// Moving between paragraphs: J/K, N (the next unreviewed paragraph in review-queue order, and at the end of a
// chapter a link to the next chapter with work left), approve-and-next's step (nextToReview: from the paragraph
// just approved), and the ?fragment=<id> deep link of the review queues.
import { useEffect, useRef, type RefObject } from 'react';
import type { FragmentView } from '@/lib/review/fragment-view.ts';
import type { ReviewChapter } from '@/lib/review/get-review-chapter.ts';
import { unreviewedOrder } from '@/lib/review/fragment-edits.ts';
import { nextToReview } from '@/lib/review/next-to-review.ts';
import { editorApi } from './editor-api.ts';
import type { Notice } from './editor-notice.tsx';
import type { WaveControls } from './use-wavesurfer.ts';

export function useReviewNavigation(opts: {
  chapter: ReviewChapter;
  fragsRef: RefObject<FragmentView[]>;
  currentRef: RefObject<string | null>;
  select: (id: string, o?: { seek?: boolean }) => void;
  setNotice: (notice: Notice | null) => void;
  wave: WaveControls;
}) {
  const { chapter, fragsRef, currentRef, setNotice, wave } = opts;

  const step = (delta: number) => {
    const i = fragsRef.current.findIndex((f) => f.id === currentRef.current);
    const f = fragsRef.current[Math.min(fragsRef.current.length - 1, Math.max(0, i + delta))];
    if (f) opts.select(f.id, { seek: true });
  };

  const nextUnreviewed = () => {
    const order = unreviewedOrder(fragsRef.current);
    if (order.length > 0) {
      const f = order[(order.findIndex((g) => g.id === currentRef.current) + 1) % order.length];
      if (f) opts.select(f.id, { seek: true });
      return;
    }
    chapterDone();
  };

  /** After approving the current paragraph: the next one that needs review, or the way to the next chapter. */
  const nextToReviewFromCurrent = () => {
    const f = nextToReview(fragsRef.current, currentRef.current);
    if (f) opts.select(f.id, { seek: true });
    else chapterDone();
  };

  /** Nothing left to review here: say so, and link the next chapter with work left. */
  const chapterDone = () => {
    setNotice({ kind: 'info', message: 'Every paragraph of this chapter is reviewed. Looking for the next chapter…' });
    editorApi
      .bookProgress(chapter.bookId)
      .then((p) => {
        const open = (c: (typeof p.chapters)[number]) => c.chapterId !== chapter.id && c.fragments.auto + c.fragments.edited > 0;
        const next = p.chapters.find((c) => c.position > chapter.position && open(c)) ?? p.chapters.find(open);
        setNotice(
          next
            ? {
                kind: 'info',
                message: 'Every paragraph of this chapter is reviewed.',
                link: { href: `/chapters/${next.chapterId}/review`, label: `Next: ${next.title ?? `chapter ${next.position + 1}`} (${next.fragments.auto + next.fragments.edited} to review)` },
              }
            : { kind: 'info', message: 'Every paragraph of this book is reviewed.' },
        );
      })
      .catch((e: unknown) => setNotice({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
  };

  // ?fragment=<id> (links from the review queues): select it at once, seek to it once the waveform is ready
  const deepLinkRef = useRef<string | null>(null);
  const selectRef = useRef(opts.select);
  useEffect(() => {
    selectRef.current = opts.select;
  });
  useEffect(() => {
    const id = new URLSearchParams(window.location.search).get('fragment');
    if (!id || !fragsRef.current.some((f) => f.id === id)) return;
    deepLinkRef.current = id;
    selectRef.current(id);
  }, [fragsRef]);
  useEffect(() => {
    const id = deepLinkRef.current;
    if (!wave.ready || !id) return;
    deepLinkRef.current = null;
    const f = fragsRef.current.find((g) => g.id === id);
    if (f && f.begin !== null) {
      wave.setTime(f.begin);
      wave.reveal(f.begin);
    }
  }, [wave, wave.ready, fragsRef]);

  return { step, nextUnreviewed, nextToReview: nextToReviewFromCurrent };
}
