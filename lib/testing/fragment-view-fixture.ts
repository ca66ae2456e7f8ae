// A FragmentView made by hand for the tests of the editor's pure maths (lib/review): an unreviewed, unflagged,
// unlocked paragraph of chapter 'c' at its first version, with what the test names set over it.
import type { FragmentView } from '../review/fragment-view.ts';

export function fragmentViewFixture(over: Partial<FragmentView> = {}): FragmentView {
  return {
    id: 'a',
    chapterId: 'c',
    position: 0,
    begin: 0,
    end: 1,
    text: 'x',
    normText: 'x',
    status: 'auto',
    confidence: 0.9,
    flag: null,
    lockedBegin: false,
    lockedEnd: false,
    modelText: null,
    modelCer: null,
    sentences: null,
    version: 1,
    ...over,
  };
}
