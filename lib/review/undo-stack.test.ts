import { describe, expect, it } from 'vitest';
import { UndoStack, type FragmentPatch } from './undo-stack.ts';

const drag: FragmentPatch[] = [
  { fragmentId: 'a', before: { end: 2 }, after: { end: 2.5 } },
  { fragmentId: 'b', before: { begin: 2 }, after: { begin: 2.5 } },
];
const typing: FragmentPatch[] = [{ fragmentId: 'a', before: { text: 'Hola', status: 'auto' }, after: { text: 'Hola.', status: 'edited' } }];

describe('UndoStack', () => {
  it('undo returns inverted patches in reverse order; redo the original ones', () => {
    const s = new UndoStack();
    expect(s.canUndo).toBe(false);
    s.push('move boundary', drag);
    expect(s.undoLabel).toBe('move boundary');
    const u = s.undo()!;
    expect(u.label).toBe('move boundary');
    expect(u.patches).toEqual([
      { fragmentId: 'b', before: { begin: 2.5 }, after: { begin: 2 } },
      { fragmentId: 'a', before: { end: 2.5 }, after: { end: 2 } },
    ]);
    expect(s.canUndo).toBe(false);
    expect(s.canRedo).toBe(true);
    expect(s.redoLabel).toBe('move boundary');
    expect(s.redo()!.patches).toEqual(drag);
    expect(s.redo()).toBeNull();
    expect(s.undo()!.label).toBe('move boundary');
    expect(s.undo()).toBeNull();
  });

  it('undoes several actions last first', () => {
    const s = new UndoStack();
    s.push('move boundary', drag);
    s.push('edit text', typing);
    expect(s.undo()!.label).toBe('edit text');
    expect(s.undo()!.label).toBe('move boundary');
    expect(s.redo()!.label).toBe('move boundary');
    expect(s.redo()!.label).toBe('edit text');
  });

  it('a new push clears redo', () => {
    const s = new UndoStack();
    s.push('move boundary', drag);
    s.undo();
    s.push('edit text', typing);
    expect(s.canRedo).toBe(false);
    expect(s.redo()).toBeNull();
    expect(s.undoLabel).toBe('edit text');
  });

  it('keeps at most `capacity` actions, dropping the oldest', () => {
    const s = new UndoStack({ capacity: 3 });
    for (let i = 1; i <= 5; i++) s.push(`edit ${i}`, [{ fragmentId: 'a', before: { end: i }, after: { end: i + 1 } }]);
    const labels = [];
    for (let step = s.undo(); step; step = s.undo()) labels.push(step.label);
    expect(labels).toEqual(['edit 5', 'edit 4', 'edit 3']);
  });

  it('does not share patch objects with the caller', () => {
    const s = new UndoStack();
    const patches: FragmentPatch[] = [{ fragmentId: 'a', before: { end: 1 }, after: { end: 2 } }];
    s.push('x', patches);
    patches[0]!.after.end = 99;
    expect(s.redo()).toBeNull();
    expect(s.undo()!.patches[0]!.before).toEqual({ end: 2 });
  });

  it('coalesces pushes with the same key: oldest before, newest after', () => {
    const s = new UndoStack();
    s.push('nudge', [{ fragmentId: 'a', before: { end: 2 }, after: { end: 2.01 } }], { coalesceKey: 'nudge:a:end' });
    s.push('nudge', [{ fragmentId: 'a', before: { end: 2.01 }, after: { end: 2.02 } }], { coalesceKey: 'nudge:a:end' });
    s.push('nudge', [{ fragmentId: 'a', before: { end: 2.02 }, after: { end: 2.03 } }], { coalesceKey: 'nudge:a:end' });
    s.push('nudge', [{ fragmentId: 'c', before: { begin: 5 }, after: { begin: 5.1 } }], { coalesceKey: 'nudge:c:begin' });
    expect(s.undo()!.patches).toEqual([{ fragmentId: 'c', before: { begin: 5.1 }, after: { begin: 5 } }]);
    expect(s.undo()!.patches).toEqual([{ fragmentId: 'a', before: { end: 2.03 }, after: { end: 2 } }]);
    expect(s.canUndo).toBe(false);
  });

  it('drops actions that change nothing, also after coalescing', () => {
    const s = new UndoStack();
    s.push('noop', [{ fragmentId: 'a', before: { end: 2 }, after: { end: 2 } }]);
    expect(s.canUndo).toBe(false);
    s.push('nudge', [{ fragmentId: 'a', before: { end: 2 }, after: { end: 2.01 } }], { coalesceKey: 'k' });
    s.push('nudge', [{ fragmentId: 'a', before: { end: 2.01 }, after: { end: 2 } }], { coalesceKey: 'k' });
    expect(s.canUndo).toBe(false);
  });

  it('a redone action does not coalesce with the next push', () => {
    const s = new UndoStack();
    s.push('nudge', [{ fragmentId: 'a', before: { end: 2 }, after: { end: 2.01 } }], { coalesceKey: 'k' });
    s.undo();
    s.redo();
    s.push('nudge', [{ fragmentId: 'a', before: { end: 2.01 }, after: { end: 2.02 } }], { coalesceKey: 'k' });
    expect(s.undo()!.patches[0]!.after).toEqual({ end: 2.01 });
    expect(s.undo()!.patches[0]!.after).toEqual({ end: 2 });
  });

  it('round-trips through JSON (sessionStorage) with both sides', () => {
    const s = new UndoStack({ capacity: 10 });
    s.push('move boundary', drag);
    s.push('edit text', typing);
    s.undo();
    const restored = UndoStack.fromJSON(JSON.stringify(s));
    expect(restored.capacity).toBe(10);
    expect(restored.toJSON()).toEqual(s.toJSON());
    expect(restored.redo()!.patches).toEqual(typing);
    expect(restored.undo()!.label).toBe('edit text');
    expect(restored.undo()!.label).toBe('move boundary');
    // null times survive JSON
    const t = new UndoStack();
    t.push('x', [{ fragmentId: 'a', before: { begin: null, end: null }, after: { begin: 1, end: 2 } }]);
    expect(UndoStack.fromJSON(JSON.parse(JSON.stringify(t))).undo()!.patches[0]!.after).toEqual({ begin: null, end: null });
  });

  it('reads anything unreadable as an empty stack', () => {
    for (const junk of ['not json', '{"v":2}', null, 42, { v: 1, capacity: 5, done: [{ label: 'x', patches: [{ fragmentId: 'a', before: { colour: 1 }, after: {} }] }], undone: [] }]) {
      const s = UndoStack.fromJSON(junk);
      expect(s.canUndo || s.canRedo).toBe(false);
    }
  });
});

describe('UndoStack: splits and merges', () => {
  const merge = { key: 'k1', fragmentId: 'a', otherId: 'b', revisionId: 'rev-merge' };

  it('undo and redo of a merge each revert the latest revision that changed the structure', () => {
    const s = new UndoStack();
    s.push('approve', [{ fragmentId: 'b', before: { status: 'auto' }, after: { status: 'approved' } }]);
    s.pushStructural('merge', merge);
    expect(s.undoLabel).toBe('merge');
    const u = s.undo()!;
    expect(u).toEqual({ label: 'merge', patches: [], structural: merge });
    // the revert made revision rev-unmerge: redo reverts that one
    s.amend('k1', 'rev-unmerge');
    expect(s.redo()!.structural).toEqual({ ...merge, revisionId: 'rev-unmerge' });
    s.amend('k1', 'rev-remerge');
    expect(s.undo()!.structural).toEqual({ ...merge, revisionId: 'rev-remerge' });
    // and the approval before it is still there to undo, as patches
    expect(s.undo()!.patches).toEqual([{ fragmentId: 'b', before: { status: 'approved' }, after: { status: 'auto' } }]);
  });

  it('structural entries survive the JSON round trip (sessionStorage) and never coalesce', () => {
    const s = new UndoStack();
    s.pushStructural('split', { key: 'k2', fragmentId: 'a', otherId: 'c', revisionId: 'rev-split' });
    s.push('edit text', typing, { coalesceKey: 'text:a' });
    const back = UndoStack.fromJSON(JSON.stringify(s.toJSON()));
    expect(back.undo()!.label).toBe('edit text');
    expect(back.undo()).toEqual({ label: 'split', patches: [], structural: { key: 'k2', fragmentId: 'a', otherId: 'c', revisionId: 'rev-split' } });
    expect(back.canUndo).toBe(false);
  });

  it('structural() reads the entry as amended since; putBack() returns a refused step to where it came from', () => {
    const s = new UndoStack();
    s.pushStructural('merge', merge);
    const u = s.undo()!;
    s.amend(u.structural!.key, 'rev-unmerge');
    expect(s.structural('k1')?.revisionId).toBe('rev-unmerge');
    expect(s.structural('nope')).toBeNull();
    // an undo the server refused: merge is still the thing to undo, nothing to redo
    s.putBack('k1');
    expect([s.undoLabel, s.redoLabel]).toEqual(['merge', null]);
    // a refused redo goes back to the redo side
    s.undo();
    s.redo();
    s.putBack('k1');
    expect([s.undoLabel, s.redoLabel]).toEqual([null, 'merge']);
  });
});
