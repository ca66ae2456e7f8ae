'use client';
// The level the editor shows (paragraphs or sentences), remembered per browser.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { EditorLevel } from '@/lib/review/wave-regions.ts';

const KEY = 'alinea:editor-level';

export function useEditorLevel(): {
  level: EditorLevel;
  /** The level now, for event handlers. */
  levelRef: RefObject<EditorLevel>;
  setLevel: (level: EditorLevel) => void;
  toggleLevel: () => void;
} {
  const [level, setLevelState] = useState<EditorLevel>('paragraph');
  const levelRef = useRef(level);
  useEffect(() => {
    levelRef.current = level;
  }, [level]);
  useEffect(() => {
    try {
      if (localStorage.getItem(KEY) === 'sentence') setLevelState('sentence');
    } catch {
      /* storage disabled: start at paragraphs */
    }
  }, []);
  const setLevel = useCallback((next: EditorLevel) => {
    setLevelState(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      /* storage disabled: the level holds for this page */
    }
  }, []);
  const toggleLevel = useCallback(() => setLevel(level === 'paragraph' ? 'sentence' : 'paragraph'), [level, setLevel]);
  return { level, levelRef, setLevel, toggleLevel };
}
