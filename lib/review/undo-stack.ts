// The editor's undo/redo history: data patches grouped per user action, not closures, so that it serialises to
// JSON (sessionStorage survives a reload) and each step is saved like any other edit (updateFragment with the
// fragment's current version). Structural edits (split, merge, and a revert that puts one back) are not patches:
// their entry names the server revision that made them, and undoing or redoing one reverts the latest such
// revision to its `before` (revertFragment); the revision that revert makes is the next one to revert (amend()).
import { z } from 'zod';
import { FRAGMENT_STATUSES, type FragmentStatus } from './fragment-view.ts';
import { fragmentSentenceSchema, type FragmentSentence } from '../chapter-alignment/fragment-sentences.ts';

export type FragmentState = { begin: number | null; end: number | null; text: string; status: FragmentStatus; sentences: FragmentSentence[] | null };

/** One fragment's change: the fields it had and has. */
export type FragmentPatch = { fragmentId: string; before: Partial<FragmentState>; after: Partial<FragmentState> };

/**
 * A split or a merge: `fragmentId` is the paragraph that stays (the first), `otherId` the one that comes and goes
 * (split off, absorbed), `revisionId` the revision of `fragmentId` to revert to its `before` to take the last
 * step back (or forward again), `key` names the entry for amend().
 */
export type StructuralEdit = { key: string; fragmentId: string; otherId: string; revisionId: string };

/** One user action (a drag moves two fragments: one entry, two patches; a split or a merge: `structural`). */
export type UndoEntry = { label: string; patches: FragmentPatch[]; coalesceKey?: string; structural?: StructuralEdit };

/** What undo() and redo() hand back: apply each patch's `after` (its `before` is what the editor should see now);
 * or, with `structural`, revert that revision to its before and amend() the entry with the revision it makes. */
export type UndoStep = { label: string; patches: FragmentPatch[]; structural?: StructuralEdit };

const stateSchema = z
  .object({
    begin: z.number().nullable(),
    end: z.number().nullable(),
    text: z.string(),
    status: z.enum(FRAGMENT_STATUSES),
    sentences: z.array(fragmentSentenceSchema).nullable(),
  })
  .partial()
  .strict();
const entrySchema = z.object({
  label: z.string(),
  patches: z.array(z.object({ fragmentId: z.string().min(1), before: stateSchema, after: stateSchema })),
  coalesceKey: z.string().optional(),
  structural: z.object({ key: z.string().min(1), fragmentId: z.string().min(1), otherId: z.string().min(1), revisionId: z.string().min(1) }).optional(),
});
const stackSchema = z.object({
  v: z.literal(1),
  capacity: z.number().int().positive(),
  done: z.array(entrySchema),
  undone: z.array(entrySchema),
});
export type UndoStackJSON = z.infer<typeof stackSchema>;

export const DEFAULT_UNDO_CAPACITY = 200;

function invert(p: FragmentPatch): FragmentPatch {
  return { fragmentId: p.fragmentId, before: { ...p.after }, after: { ...p.before } };
}

function isNoop(p: FragmentPatch): boolean {
  const keys = new Set([...Object.keys(p.before), ...Object.keys(p.after)]) as Set<keyof FragmentState>;
  return [...keys].every((k) => (k === 'sentences' ? JSON.stringify(p.before[k]) === JSON.stringify(p.after[k]) : p.before[k] === p.after[k]));
}

function clonePatch(p: FragmentPatch): FragmentPatch {
  return { fragmentId: p.fragmentId, before: structuredClone(p.before), after: structuredClone(p.after) };
}

export class UndoStack {
  readonly capacity: number;
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];

  constructor(opts: { capacity?: number } = {}) {
    this.capacity = Math.max(1, Math.floor(opts.capacity ?? DEFAULT_UNDO_CAPACITY));
  }

  /**
   * Records an action already applied. Clears the redo side. With a `coalesceKey` equal to the last entry's
   * (a run of keyboard nudges on one edge, typing in one paragraph), the patches fold into that entry: each field
   * keeps its oldest `before` and newest `after`. Patches that change nothing are dropped.
   */
  push(label: string, patches: readonly FragmentPatch[], opts: { coalesceKey?: string } = {}): void {
    this.undone = [];
    const top = this.done.at(-1);
    if (opts.coalesceKey !== undefined && top && top.coalesceKey === opts.coalesceKey) {
      for (const p of patches) {
        const same = top.patches.find((q) => q.fragmentId === p.fragmentId);
        if (same) {
          same.before = { ...p.before, ...same.before };
          same.after = { ...same.after, ...p.after };
        } else {
          top.patches.push(clonePatch(p));
        }
      }
      top.label = label;
      top.patches = top.patches.filter((p) => !isNoop(p));
      if (top.patches.length === 0) this.done.pop();
      return;
    }
    const kept = patches.filter((p) => !isNoop(p)).map(clonePatch);
    if (kept.length === 0) return;
    this.done.push({ label, patches: kept, ...(opts.coalesceKey !== undefined ? { coalesceKey: opts.coalesceKey } : {}) });
    if (this.done.length > this.capacity) this.done.splice(0, this.done.length - this.capacity);
  }

  /** Records a split or a merge already made (clears the redo side; never coalesces). */
  pushStructural(label: string, edit: StructuralEdit): void {
    this.undone = [];
    this.done.push({ label, patches: [], structural: { ...edit } });
    if (this.done.length > this.capacity) this.done.splice(0, this.done.length - this.capacity);
  }

  /** After a structural step was taken back or forward: the revision that did it is the next one to revert. */
  amend(key: string, revisionId: string): void {
    for (const e of [...this.done, ...this.undone]) if (e.structural?.key === key) e.structural.revisionId = revisionId;
  }

  /** The structural entry `key` as it is now (amend() may have moved its revision on since undo()/redo() gave it). */
  structural(key: string): StructuralEdit | null {
    const e = [...this.done, ...this.undone].find((x) => x.structural?.key === key);
    return e?.structural ? { ...e.structural } : null;
  }

  /** A structural step the server refused: it goes back to the side it was taken from, if it is still on top. */
  putBack(key: string): void {
    if (this.undone.at(-1)?.structural?.key === key) this.done.push(this.undone.pop()!);
    else if (this.done.at(-1)?.structural?.key === key) this.undone.push(this.done.pop()!);
  }

  /** The patches that take the last action back (in reverse order), or null when there is nothing to undo. */
  undo(): UndoStep | null {
    const entry = this.done.pop();
    if (!entry) return null;
    this.undone.push(entry);
    if (entry.structural) return { label: entry.label, patches: [], structural: { ...entry.structural } };
    return { label: entry.label, patches: entry.patches.map(invert).reverse() };
  }

  /** The patches that redo the last undone action, or null. */
  redo(): UndoStep | null {
    const entry = this.undone.pop();
    if (!entry) return null;
    // a redone entry no longer coalesces with what follows
    const { coalesceKey: _ignored, ...rest } = entry;
    this.done.push(rest);
    if (entry.structural) return { label: entry.label, patches: [], structural: { ...entry.structural } };
    return { label: entry.label, patches: entry.patches.map(clonePatch) };
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Labels for the menu: "Undo move boundary". */
  get undoLabel(): string | null {
    return this.done.at(-1)?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.undone.at(-1)?.label ?? null;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }

  toJSON(): UndoStackJSON {
    return structuredClone({ v: 1 as const, capacity: this.capacity, done: this.done, undone: this.undone });
  }

  /** Restores a stack from toJSON() output (parsed or as a string); anything unreadable gives an empty stack. */
  static fromJSON(json: unknown, opts: { capacity?: number } = {}): UndoStack {
    let value = json;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        value = null;
      }
    }
    const parsed = stackSchema.safeParse(value);
    const stack = new UndoStack({ capacity: opts.capacity ?? (parsed.success ? parsed.data.capacity : undefined) });
    if (parsed.success) {
      stack.done = parsed.data.done.slice(-stack.capacity);
      stack.undone = parsed.data.undone;
    }
    return stack;
  }
}
