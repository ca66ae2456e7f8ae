import { describe, expect, it } from 'vitest';
import { fragmentViewFixture } from '../testing/fragment-view-fixture.ts';
import type { FragmentView } from './fragment-view.ts';
import { applyStructural } from './apply-structural.ts';

const frag = (position: number, over: Partial<FragmentView> = {}): FragmentView =>
  fragmentViewFixture({
    id: `f${position}`,
    position,
    begin: position * 2,
    end: position * 2 + 2,
    text: `Texto ${position}.`,
    normText: `texto ${position}`,
    sentences: [{ text: `Texto ${position}.`, normText: `texto ${position}`, begin: position * 2, end: position * 2 + 2 }],
    ...over,
  });

const chapter = [frag(0), frag(1, { status: 'approved' }), frag(2), frag(3)];

describe('applyStructural', () => {
  it('a merge removes the absorbed paragraph; its undo puts it back with its text, times, status and sentences', () => {
    const merged = { ...chapter[1]!, text: 'Texto 1. Texto 2.', end: 6, status: 'edited', version: 2, sentences: [...chapter[1]!.sentences!, ...chapter[2]!.sentences!] };
    const afterMerge = applyStructural(chapter, { fragment: merged, created: null, removedId: 'f2' });
    expect(afterMerge.map((f) => [f.id, f.position])).toEqual([
      ['f0', 0],
      ['f1', 1],
      ['f3', 2],
    ]);
    expect(afterMerge[1]).toBe(merged);
    // the server's answer to the undo: f1 as it was (one version later), f2 restored
    const undone = applyStructural(afterMerge, { fragment: { ...chapter[1]!, version: 3 }, created: { ...chapter[2]!, version: 2 }, removedId: null });
    expect(undone.map(({ version: _v, ...f }) => f)).toEqual(chapter.map(({ version: _v, ...f }) => f));
    // applying the same answer twice changes nothing
    expect(applyStructural(undone, { fragment: undone[1]!, created: undone[2]!, removedId: null })).toEqual(undone);
  });

  it('a split inserts the second half; its undo removes it and renumbers', () => {
    const first = { ...chapter[0]!, end: 1, text: 'Texto', version: 2 };
    const second = frag(1, { id: 'new', begin: 1, end: 2, text: '0.' });
    const afterSplit = applyStructural(chapter, { fragment: first, created: second, removedId: null });
    expect(afterSplit.map((f) => [f.id, f.position])).toEqual([
      ['f0', 0],
      ['new', 1],
      ['f1', 2],
      ['f2', 3],
      ['f3', 4],
    ]);
    const undone = applyStructural(afterSplit, { fragment: { ...chapter[0]!, version: 3 }, created: null, removedId: 'new' });
    expect(undone.map(({ version: _v, ...f }) => f)).toEqual(chapter.map(({ version: _v, ...f }) => f));
    // a removal the editor no longer shows does not shift anything
    expect(applyStructural(undone, { fragment: undone[0]!, created: null, removedId: 'new' })).toEqual(undone);
  });
});
