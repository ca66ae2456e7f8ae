'use client';
// Playing parts of the chapter: a range (a paragraph, a sentence, a boundary's surroundings) that stops at its
// end, loops, or — with auto-advance — goes on to the next paragraph; plain play/pause; loop, auto-advance and
// speed settings. The waveform is reached through `wave()` (it is created after this hook).
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { FragmentView } from '@/lib/review/fragment-view.ts';
import type { WaveControls } from './use-wavesurfer.ts';

export type PlayRange = { start: number; end: number; fragmentId: string | null };

export function usePlayback(opts: {
  wave: () => WaveControls;
  fragsRef: RefObject<FragmentView[]>;
  /** Auto-advance selects the paragraph it goes on to. */
  select: (id: string) => void;
}) {
  const [isPlaying, setIsPlaying] = useState(false);
  const [loop, setLoop] = useState(false);
  const [autoAdvance, setAutoAdvance] = useState(false);
  const [rate, setRate] = useState(1);
  const live = useRef({ loop, autoAdvance });
  useEffect(() => {
    live.current = { loop, autoAdvance };
  }, [loop, autoAdvance]);
  const rangeRef = useRef<PlayRange | null>(null);

  const playRange = (range: PlayRange) => {
    rangeRef.current = range;
    opts.wave().setTime(range.start);
    opts.wave().play();
  };
  const togglePlay = () => {
    const wave = opts.wave();
    if (wave.isPlaying()) wave.pause();
    else {
      rangeRef.current = null;
      wave.play();
    }
  };
  /** The play head moved to `t`: at the end of the range, loop, advance or stop. */
  const onTime = (t: number) => {
    const range = rangeRef.current;
    if (!range || t < range.end) return;
    const wave = opts.wave();
    if (live.current.loop) {
      wave.setTime(range.start);
      return;
    }
    const frags = opts.fragsRef.current;
    const next = live.current.autoAdvance && range.fragmentId ? frags[frags.findIndex((f) => f.id === range.fragmentId) + 1] : undefined;
    if (next && next.begin !== null && next.end !== null) {
      rangeRef.current = { start: next.begin, end: next.end, fragmentId: next.id };
      opts.select(next.id);
      if (Math.abs(next.begin - t) > 0.05) wave.setTime(next.begin);
    } else {
      rangeRef.current = null;
      wave.pause();
    }
  };
  const onPlayingChange = (playing: boolean) => {
    setIsPlaying(playing);
    if (!playing && !live.current.loop) rangeRef.current = null;
  };

  return { isPlaying, loop, setLoop, autoAdvance, setAutoAdvance, rate, setRate, playRange, togglePlay, onTime, onPlayingChange };
}
