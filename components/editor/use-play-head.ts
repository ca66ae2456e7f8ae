'use client';
// Follows the play head: the time readout (written to the DOM, not state: it changes many times a second), the
// paragraph playing (the list scrolls to it) and, at the sentence level, the sentence playing.
import { useRef, useState, type RefObject } from 'react';
import type { FragmentView } from '@/lib/review/fragment-view.ts';
import { fragmentAt } from '@/lib/review/fragment-edits.ts';
import { fittedSentences } from '@/lib/review/move-sentence-edge.ts';
import type { EditorLevel } from '@/lib/review/wave-regions.ts';

export function usePlayHead(opts: {
  fragsRef: RefObject<FragmentView[]>;
  level: () => EditorLevel;
  timeRef: RefObject<HTMLSpanElement | null>;
  /** The playing paragraph changed to the one at `index`. */
  onParagraph: (index: number) => void;
}) {
  const { fragsRef } = opts;
  const [playingId, setPlayingId] = useState<string | null>(null);
  const playingRef = useRef<string | null>(null);
  const [playingSentence, setPlayingSentence] = useState<number | null>(null);
  const playingSentenceRef = useRef<number | null>(null);

  const onTime = (t: number) => {
    if (opts.timeRef.current) opts.timeRef.current.textContent = t.toFixed(2);
    const i = fragmentAt(fragsRef.current, t);
    const id = i >= 0 ? (fragsRef.current[i]?.id ?? null) : null;
    if (id !== playingRef.current) {
      playingRef.current = id;
      setPlayingId(id);
      if (id && i >= 0) opts.onParagraph(i);
    }
    if (opts.level() === 'sentence') {
      const f = i >= 0 ? fragsRef.current[i] : undefined;
      const k = f ? fittedSentences(f).findIndex((x) => t >= x.begin && t < x.end) : -1;
      const playing = k >= 0 ? k : null;
      if (playing !== playingSentenceRef.current) {
        playingSentenceRef.current = playing;
        setPlayingSentence(playing);
      }
    }
  };

  return { playingId, playingSentence, onTime };
}
