'use client';
// The chapter's review progress (reviewed seconds of the total), reloaded shortly after each save.
import { useEffect, useState } from 'react';
import type { ChapterProgress } from '@/lib/review/review-progress.ts';
import { editorApi } from './editor-api.ts';

export function useChapterProgress(chapterId: string, refreshKey: number): ChapterProgress | null {
  const [progress, setProgress] = useState<ChapterProgress | null>(null);
  useEffect(() => {
    const ac = new AbortController();
    const timer = setTimeout(() => {
      editorApi
        .progress(chapterId, ac.signal)
        .then((p) => {
          if (!ac.signal.aborted) setProgress(p);
        })
        .catch(() => undefined);
    }, 500);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [chapterId, refreshKey]);
  return progress;
}
