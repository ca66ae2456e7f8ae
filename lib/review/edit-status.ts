// The status a reviewer's edit gives a paragraph, as the server sets it (updateFragment, updateBoundary): a new
// text makes it 'edited'; new times (its own or its sentences') make an 'auto' paragraph 'edited' and leave the
// others as they were. The editor applies it at once, so that the undo history records the status with the edit
// and an undo gives the old one back (an 'auto' paragraph is 'auto' again, not 'edited').
import type { FragmentView } from './fragment-view.ts';
import { sameSentences } from './fragment-edits.ts';

export function editStatus(before: FragmentView, after: FragmentView): string {
  if (after.text !== before.text) return 'edited';
  const moved = after.begin !== before.begin || after.end !== before.end || !sameSentences(before.sentences, after.sentences);
  return moved && before.status === 'auto' ? 'edited' : after.status;
}

/** `next` (an edit of `before`, fragment for fragment) with the statuses the edit gives. */
export function withEditStatus(before: readonly FragmentView[], next: readonly FragmentView[]): FragmentView[] {
  const old = new Map(before.map((f) => [f.id, f]));
  return next.map((f) => {
    const b = old.get(f.id);
    if (!b || b === f) return f;
    const status = editStatus(b, f);
    return status === f.status ? f : { ...f, status };
  });
}
