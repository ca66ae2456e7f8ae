// A chapter's fragments as a sync map (ids f000001… by position), in any format the aligner supports.
import type { SyncMap } from '../align/syncmap/syncmap-types.ts';

export function syncMapId(position: number): string {
  return `f${String(position + 1).padStart(6, '0')}`;
}

export function chapterSyncMap(
  fragments: { position: number; begin: number | null; end: number | null; text: string }[],
  language: string,
): SyncMap {
  return {
    fragments: fragments.map((f) => ({
      id: syncMapId(f.position),
      begin: f.begin ?? 0,
      end: f.end ?? 0,
      lines: f.text.split('\n'),
      language,
      children: [],
    })),
  };
}
