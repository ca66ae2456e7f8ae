// The JSON kept in FragmentRevision.before / .after: lib/chapters' FragmentSnapshot, plus the structure of a
// split or a merge, so that either can be reverted like any edit:
// - in the `before` of a merge (and of a revert that merged two paragraphs back): `absorbed`, the last state of
//   the fragment the merge deleted, with its own revisions (they go with it), to bring it back with its id;
// - in the `after` of a split (and of a revert that split a merge apart again): `splitOff`, the id of the
//   fragment that came out of it, right after this one.
import type { FragmentSnapshot } from '../chapter-alignment/fragment-snapshot.ts';

/** A FragmentRevision row kept inside another revision's JSON (createdAt as an ISO string). */
export type StoredRevision = {
  id: string;
  version: number;
  userId: string | null;
  reason: string;
  before: string | null;
  after: string;
  createdAt: string;
};

export type AbsorbedFragment = FragmentSnapshot & {
  id: string;
  position: number;
  version: number;
  lockedBegin?: boolean;
  lockedEnd?: boolean;
  /** Absent in merges made before merges could be reverted. */
  revisions?: StoredRevision[];
};
export type RevisionSnapshot = FragmentSnapshot & { absorbed?: AbsorbedFragment; splitOff?: { id: string } };

export function parseRevisionSnapshot(json: string | null): RevisionSnapshot | null {
  return json === null ? null : (JSON.parse(json) as RevisionSnapshot);
}

/** Whether reverting to this revision's `before` puts a split or a merge back (see revertFragment). */
export function isStructuralRevision(r: { before: RevisionSnapshot | null; after: RevisionSnapshot }): boolean {
  return Boolean(r.before?.absorbed || r.after.splitOff);
}
