// Text/audio mismatch on REAL speech: the real Spanish readings (../shared/fixtures/real-es) edited with sox —
// one interior line cut out of the audio (the text keeps it), or a real sentence from another recording spliced
// into a pause (the text lacks it) — with the timing truth moved to match the edit.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToPcm } from '../audio/convert-to-pcm.ts';
import { editRealRecording, type EditedRecording } from '../testing/edit-real-recording.ts';
import { realEsRecordings, type RealRecording } from '../testing/real-es-fixture.ts';
import { alignFragments, type AlignFragmentsResult } from './align-fragments.ts';
import { scoreAlignment, type AlignmentTruth, type TruthSpan } from './score-alignment.ts';
import { ttsText } from './tts-text.ts';

/** A boundary may miss its pause by this much (seconds). */
const TOLERANCE_SEC = 0.3;

const recordings = realEsRecordings();
let dir: string;
/** Each recording as 16 kHz mono WAV. */
const pcm = new Map<string, string>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-mismatch-real-test-'));
  for (const rec of recordings) {
    const wav = path.join(dir, `${rec.name}.wav`);
    await convertToPcm(rec.audio, wav);
    pcm.set(rec.name, wav);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Edits `rec` (see editRealRecording); an insert's donor is given as a recording of the dev set. */
function editRecording(
  rec: RealRecording,
  edit: { kind: 'none' } | { kind: 'remove'; line: number } | { kind: 'insert'; after: number; donor: RealRecording; line: number },
): Promise<EditedRecording> {
  const withWav = (r: RealRecording) => ({ ...r, wav: pcm.get(r.name)! });
  return editRealRecording(withWav(rec), edit.kind === 'insert' ? { ...edit, donor: withWav(edit.donor) } : edit, dir);
}

async function align(rec: RealRecording, wav: string): Promise<AlignFragmentsResult> {
  return alignFragments({
    audioWav: wav,
    fragments: rec.lines.map((text, i) => ({ id: `f${i}`, text: ttsText(text, 'spa') })),
    language: 'spa',
    options: { cacheDir: path.join(dir, 'tts') },
  });
}

const flagsOf = (r: AlignFragmentsResult): [string, string][] =>
  r.fragments.flatMap((f) => (f.flag ? [[f.id, f.flag] as [string, string]] : []));
const ms = (sec: number): number => Math.round(sec * 1000);

function report(label: string, r: AlignFragmentsResult, truth: AlignmentTruth, extra: Record<string, unknown> = {}): void {
  const p = truth.paragraphs;
  console.log(
    `${label}: ${JSON.stringify({
      flags: flagsOf(r),
      errorsMs: scoreAlignment(r.fragments, truth).errors.map(ms),
      bounds: [...r.fragments.map((f) => f.begin), r.tail].map((t) => +t.toFixed(2)),
      confidence: r.fragments.map((f) => +f.confidence.toFixed(2)),
      head: [+r.head.toFixed(3), +p[0]!.begin.toFixed(3)],
      tail: [+r.tail.toFixed(3), +p[p.length - 1]!.end.toFixed(3)],
      extraSpans: r.extraSpans.map((s) => [+s.begin.toFixed(2), +s.end.toFixed(2)]),
      ...extra,
    })}`,
  );
}

/** Share of `span` covered by the union of `spans` (assumed disjoint, as extraSpans are). */
const coverage = (spans: TruthSpan[], span: TruthSpan): number =>
  spans.reduce((acc, s) => acc + Math.max(0, Math.min(s.end, span.end) - Math.max(s.begin, span.begin)), 0) /
  (span.end - span.begin);

// Known failure (issue 9, measured 2026-12-07): capitan's boundary 5 is 2.6 s from the pause the truth gives it,
// as in the unedited reading (the spliced sentence itself is found and flagged). The truth there is in doubt: its
// line 4 span holds 30 syllable nuclei for a 16-syllable text, the aligner's 16 (bench/audit-truth.ts).
// `it.fails` runs it and turns red the moment it passes, so this list can only shrink.
const KNOWN_FAILURES = new Set(['capitan-veneno insert']);
const itUnless = (key: string) => (KNOWN_FAILURES.has(key) ? it.fails : it);

describe('alignFragments: text/audio mismatch on real Spanish readings edited with sox', () => {
  it('has the dev set', () => {
    expect(recordings.map((r) => r.name)).toEqual(expect.arrayContaining(['capitan-veneno', 'common-voice', 'fleurs']));
  });

  describe.each(recordings.map((rec, i) => ({ rec, donor: recordings[(i + 1) % recordings.length]! })))(
    '$rec.name',
    ({ rec, donor }) => {
      const middle = Math.floor(rec.lines.length / 2);

      it('unedited: no flags', async () => {
        const { wav, truth } = await editRecording(rec, { kind: 'none' });
        const r = await align(rec, wav);
        report(`${rec.name} control`, r, truth);
        expect(flagsOf(r)).toEqual([]);
      });

      itUnless(`${rec.name} remove`)(`line ${middle} cut out of the audio: flagged not-in-audio alone, its neighbours in their pauses`, async () => {
        const { wav, truth } = await editRecording(rec, { kind: 'remove', line: middle });
        const r = await align(rec, wav);
        // The other lines, scored without the removed one: its neighbours share the pause around the cut.
        const keep = <T,>(xs: T[]): T[] => xs.filter((_, i) => i !== middle);
        const rest = scoreAlignment(keep(r.fragments), { ...truth, paragraphs: keep(truth.paragraphs) });
        const removed = r.fragments[middle]!;
        report(`${rec.name} removed f${middle}`, r, truth, {
          restErrorsMs: rest.errors.map(ms),
          removedAt: [+removed.begin.toFixed(3), +removed.end.toFixed(3)],
          cutAt: +truth.paragraphs[middle]!.begin.toFixed(3),
          pauseAroundCut: [+truth.paragraphs[middle - 1]!.end.toFixed(3), +truth.paragraphs[middle + 1]!.begin.toFixed(3)],
        });
        expect(flagsOf(r)).toEqual([[`f${middle}`, 'not-in-audio']]);
        expect(rest.errors.map(ms).filter((e) => e > ms(TOLERANCE_SEC))).toEqual([]);
      });

      itUnless(`${rec.name} insert`)(`a sentence of ${donor.name} spliced in after line ${middle - 1}: flagged extra-audio next to it, the rest in place`, async () => {
        const after = middle - 1;
        const donorLine = Math.floor(donor.lines.length / 2);
        const { wav, truth, inserted } = await editRecording(rec, { kind: 'insert', after, donor, line: donorLine });
        const x = inserted!;
        const r = await align(rec, wav);
        const score = scoreAlignment(r.fragments, truth);
        // Boundary after + 1 may lie before or after the spliced-in speech; judge it against the nearer real pause.
        const b = r.fragments[after + 1]!.begin;
        const spliceBoundaryMs = ms(
          Math.min(
            Math.max(0, truth.paragraphs[after]!.end - b, b - x.begin),
            Math.max(0, x.end - b, b - truth.paragraphs[after + 1]!.begin),
          ),
        );
        report(`${rec.name} + ${donor.name} line ${donorLine}`, r, truth, {
          inserted: [+x.begin.toFixed(3), +x.end.toFixed(3)],
          spliceBoundaryMs,
          neighbours: [after, after + 1].map((i) => [+r.fragments[i]!.begin.toFixed(3), +r.fragments[i]!.end.toFixed(3)]),
        });
        const flaggedNeighbour = [after, after + 1].some((i) => r.fragments[i]!.flag === 'extra-audio');
        const spansCover = coverage(r.extraSpans, x) >= 0.6;
        expect(
          flaggedNeighbour || spansCover,
          `f${after} or f${after + 1} flagged extra-audio, or extraSpans over the spliced speech; got flags ${JSON.stringify(flagsOf(r))}`,
        ).toBe(true);
        expect(r.fragments.filter((f) => f.flag === 'not-in-audio').map((f) => f.id)).toEqual([]);
        const others = score.errors.map(ms).filter((_, i) => i !== after + 1);
        expect(others.filter((e) => e > ms(TOLERANCE_SEC))).toEqual([]);
      });
    },
  );

  // A line cut out where its neighbour's own window gave more skip evidence than its: the neighbour was flagged and
  // the two traded places (3.3 and 8.0 s off). Decided on one window around both, then aligned again two fragments
  // wide on each side.
  it.each([
    ['common-voice', 1],
    ['fleurs', 4],
  ] as const)('%s, line %i cut out: that line flagged, not its neighbour, the rest in their pauses', async (name, line) => {
    const rec = recordings.find((r) => r.name === name)!;
    const { wav, truth } = await editRecording(rec, { kind: 'remove', line });
    const r = await align(rec, wav);
    report(`${name} removed f${line}`, r, truth);
    expect(flagsOf(r)).toEqual([[`f${line}`, 'not-in-audio']]);
    const keep = (_: unknown, k: number) => k !== line;
    const rest = scoreAlignment(r.fragments.filter(keep), { ...truth, paragraphs: truth.paragraphs.filter(keep) });
    expect(rest.errors.map(ms).filter((e) => e > ms(TOLERANCE_SEC))).toEqual([]);
  });

  // A sentence spliced in early in a short reading: cutting the head at the pause after it made the text's own first
  // two lines a spoken "intro" and matched their text to the spliced sentence (boundaries 4.2 and 7.4 s off, nothing
  // flagged). Such a cut leaves the first fragments matching far worse than the recording does, and is dropped.
  it('common-voice, 7 s of fleurs spliced in after line 1: not taken for an intro, flagged extra-audio next to it', async () => {
    const rec = recordings.find((r) => r.name === 'common-voice')!;
    const donor = recordings.find((r) => r.name === 'fleurs')!;
    const { wav, truth } = await editRecording(rec, { kind: 'insert', after: 1, donor, line: 3 });
    const r = await align(rec, wav);
    report('common-voice + fleurs line 3 after line 1', r, truth);
    expect(flagsOf(r)).toEqual([['f1', 'extra-audio']]);
    expect(scoreAlignment(r.fragments, truth).errors.map(ms).filter((e, b) => b !== 2 && e > ms(TOLERANCE_SEC))).toEqual([]);
    expect(r.head).toBeLessThan(truth.paragraphs[0]!.begin);
  });
});
