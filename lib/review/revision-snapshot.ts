// The JSON kept in FragmentRevision.before / .after: lib/chapters' FragmentSnapshot, plus, in the `before` of a
// merge, the last state of the fragment that the merge deleted (its own revisions go with it).
import type { FragmentSnapshot } from '../chapter-alignment/fragment-snapshot.ts';

export type AbsorbedFragment = FragmentSnapshot & { id: string; position: number; version: number };
export type RevisionSnapshot = FragmentSnapshot & { absorbed?: AbsorbedFragment };

export function parseRevisionSnapshot(json: string | null): RevisionSnapshot | null {
  return json === null ? null : (JSON.parse(json) as RevisionSnapshot);
}
