// What the review use cases return of a fragment: everything the editor shows and needs to save it again.
import { sentencesOrWhole, type FragmentSentence } from '../chapter-alignment/fragment-sentences.ts';
import type { Fragment } from '../db/generated/client.ts';

export { FRAGMENT_STATUSES, type FragmentStatus } from '../chapter-alignment/fragment-status.ts';
/** The flag a reviewer sets by hand ("mark for attention"). Other flags ('not-in-audio', 'extra-audio',
 * 'model-mismatch' …) come from the aligner or a model check. */
export const ATTENTION_FLAG = 'attention';

export type FragmentView = {
  id: string;
  chapterId: string;
  position: number;
  begin: number | null;
  end: number | null;
  text: string;
  normText: string;
  status: string;
  /** 'paragraph' or 'heading' (lib/chapter-alignment/fragment-kind.ts): a heading is left out of exports by default.
   * Always set by fragmentView; optional so editor fixtures built by hand stay paragraphs. */
  kind?: string;
  confidence: number | null;
  flag: string | null;
  /** Anchors: a locked begin/end is never moved by re-alignment and cannot be dragged. */
  lockedBegin: boolean;
  lockedEnd: boolean;
  /** What a trained model heard in the fragment's audio, and its CER against normText (lib/training). */
  modelText: string | null;
  modelCer: number | null;
  /** The paragraph's sentences with their times (sentencesOrWhole); null while it has no times. */
  sentences: FragmentSentence[] | null;
  /** Send it back as `expectedVersion` with the next change. */
  version: number;
};

/** The columns of a fragment row that the view shows (sentences as the column's JSON). */
export type FragmentRow = Pick<Fragment, keyof FragmentView>;

export function fragmentView(f: FragmentRow): FragmentView {
  return {
    id: f.id,
    chapterId: f.chapterId,
    position: f.position,
    begin: f.begin,
    end: f.end,
    text: f.text,
    normText: f.normText,
    status: f.status,
    kind: f.kind,
    confidence: f.confidence,
    flag: f.flag,
    lockedBegin: f.lockedBegin,
    lockedEnd: f.lockedEnd,
    modelText: f.modelText,
    modelCer: f.modelCer,
    sentences: sentencesOrWhole(f),
    version: f.version,
  };
}
