// A chapter's fragments as a sync map (ids f000001… by position), in any format the aligner supports. Each
// paragraph's sentences are its `children` (aeneas' multilevel ids: f000001s000001 …); only the JSON format
// writes them.
import type { SyncMap } from '../align/syncmap/syncmap-types.ts';
import { sentencesOrWhole } from './fragment-sentences.ts';

export function syncMapId(position: number): string {
  return `f${String(position + 1).padStart(6, '0')}`;
}

export function sentenceSyncMapId(position: number, sentence: number): string {
  return `${syncMapId(position)}s${String(sentence + 1).padStart(6, '0')}`;
}

export function chapterSyncMap(
  fragments: { position: number; begin: number | null; end: number | null; text: string; normText: string; sentences: string | null }[],
  language: string,
): SyncMap {
  return {
    fragments: fragments.map((f) => ({
      id: syncMapId(f.position),
      begin: f.begin ?? 0,
      end: f.end ?? 0,
      lines: f.text.split('\n'),
      language,
      children: (sentencesOrWhole(f) ?? []).map((s, k) => ({
        id: sentenceSyncMapId(f.position, k),
        begin: s.begin,
        end: s.end,
        lines: [s.text.replace(/\s*\n\s*/g, ' ')],
        language,
      })),
    })),
  };
}
