import { describe, expect, it } from 'vitest';
import { planPatchSaves } from './plan-patch-saves.ts';
import { UndoStack } from './undo-stack.ts';

describe('planPatchSaves', () => {
  it('undoing a linked drag gives one boundary save, in either patch order', () => {
    const s = new UndoStack();
    s.push('move boundary', [
      { fragmentId: 'a', before: { end: 2 }, after: { end: 2.5 } },
      { fragmentId: 'b', before: { begin: 2 }, after: { begin: 2.5 } },
    ]);
    expect(planPatchSaves(s.undo()!.patches)).toEqual([{ kind: 'boundary', leftId: 'a', rightId: 'b', time: 2 }]);
    expect(planPatchSaves(s.redo()!.patches)).toEqual([{ kind: 'boundary', leftId: 'a', rightId: 'b', time: 2.5 }]);
  });

  it('edges that did not touch, text and status changes are fragment saves', () => {
    expect(
      planPatchSaves([
        { fragmentId: 'a', before: { end: 2 }, after: { end: 1.5 } },
        { fragmentId: 'b', before: { begin: 2.2 }, after: { begin: 1.5 } },
        { fragmentId: 'c', before: { text: 'x', status: 'auto' }, after: { text: 'y', status: 'edited' } },
      ]),
    ).toEqual([
      { kind: 'fragment', fragmentId: 'a', changes: { end: 1.5 } },
      { kind: 'fragment', fragmentId: 'b', changes: { begin: 1.5 } },
      { kind: 'fragment', fragmentId: 'c', changes: { text: 'y', status: 'edited' } },
    ]);
  });

  it('pairs each boundary once when a chain of fragments moved', () => {
    const saves = planPatchSaves([
      { fragmentId: 'a', before: { end: 2 }, after: { end: 3 } },
      { fragmentId: 'b', before: { begin: 2 }, after: { begin: 3 } },
      { fragmentId: 'c', before: { begin: 5 }, after: { begin: 6 } },
      { fragmentId: 'b2', before: { end: 5 }, after: { end: 6 } },
    ]);
    expect(saves).toEqual([
      { kind: 'boundary', leftId: 'a', rightId: 'b', time: 3 },
      { kind: 'boundary', leftId: 'b2', rightId: 'c', time: 6 },
    ]);
  });

  it('a linked drag that also moved sentences: the boundary first, then each side’s sentences as they were', () => {
    const sa = [{ text: 'A.', normText: 'a', begin: 0, end: 1.5 }, { text: 'B.', normText: 'b', begin: 1.5, end: 2, confidence: 0.8 }];
    const sb = [{ text: 'C.', normText: 'c', begin: 2, end: 4, confidence: 0.7 }];
    const s = new UndoStack();
    s.push('move boundary', [
      { fragmentId: 'a', before: { end: 2, sentences: sa }, after: { end: 1.2, sentences: [{ ...sa[0]!, end: 1.2 }, { ...sa[1]!, begin: 1.2, end: 1.2 }] } },
      { fragmentId: 'b', before: { begin: 2, sentences: sb }, after: { begin: 1.2, sentences: [{ ...sb[0]!, begin: 1.2 }] } },
    ]);
    expect(planPatchSaves(s.undo()!.patches)).toEqual([
      { kind: 'boundary', leftId: 'a', rightId: 'b', time: 2 },
      { kind: 'fragment', fragmentId: 'b', changes: { sentences: sb } },
      { kind: 'fragment', fragmentId: 'a', changes: { sentences: sa } },
    ]);
  });

  it('a linked drag that made an auto paragraph edited is still one boundary save (its status travels with it)', () => {
    const s = new UndoStack();
    s.push('move boundary', [
      { fragmentId: 'a', before: { end: 2, status: 'auto' }, after: { end: 2.5, status: 'edited' } },
      { fragmentId: 'b', before: { begin: 2 }, after: { begin: 2.5 } },
    ]);
    expect(planPatchSaves(s.undo()!.patches)).toEqual([{ kind: 'boundary', leftId: 'a', rightId: 'b', time: 2 }]);
  });
});
