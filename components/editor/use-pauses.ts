'use client';
// The audio file's detected pauses and the two things that use them: "Snap to pauses" (dragged edges jump to a
// pause's centre; `snapRef` is what drags read, null while off or loading) and the pause band (the pauses drawn as
// a light band on the waveform; the choice kept in localStorage). The pauses are fetched the first time either is on.
import { useCallback, useEffect, useRef, useState } from 'react';
import { editorApi } from './editor-api.ts';

const BAND_KEY = 'alinea:editor:pause-band';

export type Pause = { begin: number; end: number };

export function usePauses(audioFileId: string, onError: (message: string) => void) {
  const [snap, setSnap] = useState(false);
  const [band, setBandState] = useState(false);
  const [pauses, setPauses] = useState<Pause[] | null>(null);
  const snapRef = useRef<readonly number[] | null>(null);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  });
  useEffect(() => {
    try {
      if (localStorage.getItem(BAND_KEY) === '1') setBandState(true);
    } catch {
      /* storage disabled: the band starts off */
    }
  }, []);
  const setBand = useCallback((on: boolean) => {
    setBandState(on);
    try {
      localStorage.setItem(BAND_KEY, on ? '1' : '0');
    } catch {
      /* storage disabled: the choice holds for this page */
    }
  }, []);
  useEffect(() => {
    snapRef.current = snap && pauses ? pauses.map((p) => (p.begin + p.end) / 2) : null;
  }, [snap, pauses]);
  useEffect(() => {
    if (!(snap || band) || pauses) return;
    const ac = new AbortController();
    editorApi
      .pauses(audioFileId, ac.signal)
      .then(setPauses)
      .catch((e: unknown) => {
        if (ac.signal.aborted) return;
        setSnap(false);
        setBandState(false);
        onErrorRef.current(`Could not load the pauses: ${e instanceof Error ? e.message : String(e)}`);
      });
    return () => ac.abort();
  }, [snap, band, pauses, audioFileId]);
  return {
    snap,
    setSnap,
    loading: (snap || band) && !pauses,
    snapRef,
    band,
    setBand,
    /** The pauses while the band is on (null otherwise, or while loading). */
    bandPauses: band ? pauses : null,
  };
}
