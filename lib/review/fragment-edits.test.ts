import { describe, expect, it } from 'vitest';
import { fragmentViewFixture } from '../testing/fragment-view-fixture.ts';
import type { FragmentView } from './fragment-view.ts';
import { diffFields, fragmentAt, mergeSaved, patchesBetween, toRegions, unreviewedOrder } from './fragment-edits.ts';

const frag = (position: number, over: Partial<FragmentView> = {}): FragmentView =>
  fragmentViewFixture({ id: `f${position}`, position, begin: position * 2, end: position * 2 + 2, text: `texto ${position}`, normText: `texto ${position}`, ...over });

describe('fragment edits', () => {
  const frags = [frag(0), frag(1), frag(2)];

  it('maps fragments to regions', () => {
    expect(toRegions([frag(0, { begin: null, end: null })])).toEqual([{ id: 'f0', begin: 0, end: 0 }]);
  });

  it('makes undo patches only for changed fields of changed fragments', () => {
    const after = [frags[0]!, { ...frags[1]!, end: 3.5 }, { ...frags[2]!, begin: 3.5, text: 'otro' }];
    expect(patchesBetween(frags, after, ['begin', 'end'])).toEqual([
      { fragmentId: 'f1', before: { end: 4 }, after: { end: 3.5 } },
      { fragmentId: 'f2', before: { begin: 4 }, after: { begin: 3.5 } },
    ]);
    expect(patchesBetween(frags, frags, ['begin', 'end', 'text', 'status'])).toEqual([]);
  });

  it('diffs local edits against the server copy', () => {
    expect(diffFields({ ...frags[0]!, text: 'nuevo', status: 'approved' }, frags[0]!, ['text', 'status', 'begin'])).toEqual({ text: 'nuevo', status: 'approved' });
  });

  it('merges a save response but keeps fields edited again after the request left', () => {
    const sent = { ...frags[0]!, text: 'uno' };
    const local = { ...frags[0]!, text: 'uno y dos' };
    const saved = { ...sent, normText: 'uno', version: 2 };
    const merged = mergeSaved(local, saved, sent);
    expect(merged.text).toBe('uno y dos');
    expect(merged.version).toBe(2);
    expect(mergeSaved(local, saved, undefined).text).toBe('uno');
  });

  it('keeps a flag marked while a save was in flight', () => {
    const sent = { ...frags[0]!, text: 'uno' };
    const local = { ...sent, flag: 'attention' };
    expect(mergeSaved(local, { ...sent, version: 2 }, sent).flag).toBe('attention');
    expect(mergeSaved(local, { ...sent, version: 2 }, undefined).flag).toBeNull();
  });

  it.each([
    [0, 0],
    [1.99, 0],
    [2, 1],
    [5.5, 2],
    [6, -1],
    [-1, -1],
  ])('finds the fragment playing at %s s → %i', (t, index) => {
    expect(fragmentAt(frags, t)).toBe(index);
  });

  it('finds nothing in a gap between fragments', () => {
    expect(fragmentAt([frag(0, { end: 1 }), frag(1)], 1.5)).toBe(-1);
  });

  it('orders unreviewed fragments flagged first, then worst confidence, untimed confidence last', () => {
    const list = [frag(0, { confidence: 0.8 }), frag(1, { status: 'approved', confidence: 0.1 }), frag(2, { confidence: null }), frag(3, { confidence: 0.2, status: 'edited' })];
    expect(unreviewedOrder(list).map((f) => f.id)).toEqual(['f3', 'f0', 'f2']);
    // a flagged paragraph comes first whatever its confidence
    expect(unreviewedOrder([...list, frag(4, { confidence: 0.99, flag: 'model-mismatch' })]).map((f) => f.id)).toEqual(['f4', 'f3', 'f0', 'f2']);
  });
});
