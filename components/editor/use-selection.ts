'use client';
// The current paragraph (and, at the sentence level, its selected sentence): state for rendering, a ref for
// event handlers; selecting one scrolls the paragraph list to it and, on request, seeks the waveform there. The
// waveform is reached through `wave()` (it is created after this hook).
import { useRef, useState, type RefObject } from 'react';
import type { FragmentView } from '@/lib/review/fragment-view.ts';
import type { VirtualListHandle } from './virtual-list.tsx';
import type { WaveControls } from './use-wavesurfer.ts';

export type SelectOptions = { seek?: boolean; sentence?: number };

export function useSelection(opts: {
  initialId: string | null;
  fragsRef: RefObject<FragmentView[]>;
  listRef: RefObject<VirtualListHandle | null>;
  wave: () => Pick<WaveControls, 'setTime' | 'reveal'>;
}) {
  const { fragsRef, listRef } = opts;
  const [currentId, setCurrentId] = useState<string | null>(opts.initialId);
  const currentRef = useRef(currentId);
  /** Sentence level: the selected sentence of the current paragraph (null: the whole paragraph). */
  const [currentSentence, setCurrentSentence] = useState<number | null>(null);

  const indexOf = (id: string | null) => (id ? fragsRef.current.findIndex((f) => f.id === id) : -1);
  const setCurrent = (id: string | null) => {
    currentRef.current = id;
    setCurrentId(id);
  };
  const select = (id: string, o: SelectOptions = {}) => {
    const i = indexOf(id);
    const f = fragsRef.current[i];
    if (!f) return;
    if (o.sentence !== undefined || id !== currentRef.current) setCurrentSentence(o.sentence ?? null);
    setCurrent(id);
    listRef.current?.scrollToIndex(i);
    if (o.seek && f.begin !== null) {
      opts.wave().setTime(f.begin);
      opts.wave().reveal(f.begin);
    }
  };
  /** The current paragraph as it is now (for event handlers). */
  const currentNow = () => fragsRef.current[indexOf(currentRef.current)];

  return { currentId, currentRef, currentSentence, setCurrentSentence, setCurrent, select, indexOf, currentNow };
}
