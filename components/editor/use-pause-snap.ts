'use client';
// "Snap to pauses": the audio file's pause centres, fetched the first time it is switched on. `snapRef` is
// what drags read (null while off or loading).
import { useEffect, useRef, useState } from 'react';
import { editorApi } from './editor-api.ts';

export function usePauseSnap(audioFileId: string, onError: (message: string) => void) {
  const [snap, setSnap] = useState(false);
  const [centres, setCentres] = useState<number[] | null>(null);
  const snapRef = useRef<readonly number[] | null>(null);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  });
  useEffect(() => {
    snapRef.current = snap && centres ? centres : null;
  }, [snap, centres]);
  useEffect(() => {
    if (!snap || centres) return;
    const ac = new AbortController();
    editorApi
      .pauses(audioFileId, ac.signal)
      .then((pauses) => setCentres(pauses.map((p) => (p.begin + p.end) / 2)))
      .catch((e: unknown) => {
        if (ac.signal.aborted) return;
        setSnap(false);
        onErrorRef.current(`Could not load the pauses: ${e instanceof Error ? e.message : String(e)}`);
      });
    return () => ac.abort();
  }, [snap, centres, audioFileId]);
  return { snap, setSnap, loading: snap && !centres, snapRef };
}
