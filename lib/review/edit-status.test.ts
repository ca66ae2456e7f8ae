import { describe, expect, it } from 'vitest';
import { fragmentViewFixture } from '../testing/fragment-view-fixture.ts';
import type { FragmentView } from './fragment-view.ts';
import { editStatus, withEditStatus } from './edit-status.ts';
import { moveRegionEdge } from './move-region-edge.ts';
import { edgeMoveEntry } from './edge-move-entry.ts';
import { applyPatches } from './apply-patches.ts';
import { planPatchSaves } from './plan-patch-saves.ts';
import { UndoStack } from './undo-stack.ts';

const f = (over: Partial<FragmentView> = {}): FragmentView =>
  fragmentViewFixture({ begin: 0, end: 2, text: 'Hola.', normText: 'hola', sentences: [{ text: 'Hola.', normText: 'hola', begin: 0, end: 2 }], ...over });

describe('editStatus (as updateFragment / updateBoundary set it)', () => {
  it('new times or sentence times make an auto paragraph edited and leave reviewed ones alone', () => {
    expect(editStatus(f(), f({ end: 2.5 }))).toBe('edited');
    expect(editStatus(f(), f({ sentences: [{ text: 'Hola.', normText: 'hola', begin: 0, end: 2.5 }] }))).toBe('edited');
    expect(editStatus(f({ status: 'approved' }), f({ status: 'approved', end: 2.5 }))).toBe('approved');
    expect(editStatus(f({ status: 'rejected' }), f({ status: 'rejected', begin: 0.5 }))).toBe('rejected');
  });

  it('a new text always makes it edited; nothing changed keeps the status', () => {
    expect(editStatus(f({ status: 'approved' }), f({ status: 'approved', text: 'Hola!' }))).toBe('edited');
    expect(editStatus(f(), f())).toBe('auto');
  });

  it('withEditStatus changes only the fragments that changed', () => {
    const before = [f(), f({ id: 'b', position: 1, begin: 2, end: 4, status: 'approved' })];
    const next = [{ ...before[0]!, end: 2.5 }, { ...before[1]!, begin: 2.5 }];
    expect(withEditStatus(before, next).map((g) => g.status)).toEqual(['edited', 'approved']);
    expect(withEditStatus(before, before)[0]).toBe(before[0]);
  });
});

describe('undo of a boundary move gives the status back (the editor’s maths: moveRegionEdge → withEditStatus → edgeMoveEntry → UndoStack → applyPatches)', () => {
  it('an auto paragraph moved becomes edited, and auto again after undo; an approved neighbour stays approved', () => {
    const start = [
      f({ sentences: null }),
      f({ id: 'b', position: 1, begin: 2, end: 4, status: 'approved', sentences: null }),
    ];
    const m = moveRegionEdge(start, 'a', 'end', 2.5, { duration: 10, linked: true })!;
    const moved = withEditStatus(start, m.fragments);
    expect(moved.map((g) => [g.end, g.begin, g.status])).toEqual([
      [2.5, 0, 'edited'],
      [4, 2.5, 'approved'],
    ]);
    const stack = new UndoStack();
    const entry = edgeMoveEntry(start, moved, m.kind);
    stack.push(entry.label, entry.patches);
    const step = stack.undo()!;
    // still one boundary save for the server
    expect(planPatchSaves(step.patches)).toEqual([{ kind: 'boundary', leftId: 'a', rightId: 'b', time: 2 }]);
    const undone = applyPatches(moved, step.patches);
    expect(undone.map((g) => [g.begin, g.end, g.status])).toEqual([
      [0, 2, 'auto'],
      [2, 4, 'approved'],
    ]);
  });
});
