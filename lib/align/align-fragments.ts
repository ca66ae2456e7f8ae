import { AppError } from '../errors/app-error.ts';
import { openWav } from '../audio/wav-reader.ts';
import { detectPauses, quietestPoint } from './detect-pauses.ts';
import { multiscaleDtw, pathCellCosts, toDtwSequence, type DtwPath, type DtwSequence } from './dtw.ts';
import { findExtraSpeech, findSkippedFragments, fragmentHolding, groupExtraSpeech, realignWithoutSkipped } from './detect-mismatch.ts';
import { findExtraSpeechByRemoval, realignWithoutRows } from './find-extra-speech-by-removal.ts';
import { findSpokenEdges, trimSpokenEdges } from './find-spoken-edges.ts';
import { mapThroughPath } from './map-path.ts';
import { MfccExtractor, type Mfcc } from './mfcc.ts';
import { choosePauses, type PauseSpan } from './choose-pauses.ts';
import { locateSentenceBreaks } from './locate-sentence-breaks.ts';
import { speakIntoCache, streamSyntheticTrack, SYNTHETIC_SAMPLE_RATE } from './synthesize-fragments.ts';
import { realFeatures } from './real-features.ts';
import { settleBoth } from '../process/settle-both.ts';

export type AlignFragmentsInput = {
  /** 16 kHz mono 16-bit WAV (see convertToPcm). */
  audioWav: string;
  /**
   * The text, one fragment per paragraph. `sentences` (optional): the fragment's text cut into sentences (their
   * concatenation with spaces is `text`); each fragment then also gets `children`, one span per sentence.
   */
  fragments: { id: string; text: string; sentences?: string[] }[];
  /** ISO 639 code (spa, eng …): picks the espeak-ng voice. */
  language: string;
  /**
   * Align only inside this part of the audio, in seconds (the editor re-aligning fragments between two locked
   * anchors). The first fragment then begins exactly at `begin` and the last ends exactly at `end`, unless
   * `options.headMaxSec` / `tailMaxSec` are given to let them start later / end earlier.
   */
  span?: { begin: number; end: number };
  /** 0..1, non-decreasing. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  options?: AlignOptions;
};

export type AlignOptions = {
  /** TTS cache (see synthesizeFragments). */
  cacheDir?: string;
  /** Speaking rate of the synthetic voice; default 160 wpm. */
  wordsPerMinute?: number;
  /** The text may start this late (spoken intro not in the text); default 60 s (0 with a span). */
  headMaxSec?: number;
  /** … and end this early (spoken outro); default 90 s (0 with a span). */
  tailMaxSec?: number;
  /** Drift allowed around the diagonal beyond head/tail, in seconds; default 60 (aeneas' dtw_margin). */
  bandSec?: number;
  /** Cost of each skipped real frame at the head or tail, in units of 1 − cos; default: twice the median cell
   * cost of a first alignment with both ends closed (see alignFragments). */
  skipCost?: number;
  /**
   * Weight of the loudness mismatch (c0 scaled to each track's own 10th–90th percentile) added to the DTW cost,
   * so speech does not ride along the synthetic track's silence; default 0.5.
   */
  energyWeight?: number;
  /** Pause refinement: a boundary takes a pause up to twice this far (see choosePauses); default 0.5 s. 0 disables it. */
  maxSnapSec?: number;
  /** Shortest pause the VAD reports; default 0.15 s. */
  minPauseSec?: number;
  /** Look for text the audio lacks and audio the text lacks (see `flag`); default true. */
  detectMismatch?: boolean;
  /** Shortest stretch of unmatched real speech reported as extra audio; default 2 s. */
  minExtraSpeechSec?: number;
};

/**
 * Why a reviewer should look at a fragment:
 * - `not-in-audio`: the reader skipped its text (the DTW path crosses its synthetic speech almost vertically);
 *   it gets (near) zero duration at the pause between its neighbours, which are aligned as if it were absent.
 * - `extra-audio`: it holds speech the text does not have (the path runs almost horizontally over real speech
 *   inside it); see `extraSpans` for where.
 */
export type FragmentFlag = 'not-in-audio' | 'extra-audio';

/** A sentence inside an aligned fragment (see `sentences`); the first begins with the fragment, the last ends with it. */
export type AlignedSentence = { begin: number; end: number; confidence: number };

export type AlignedFragment = {
  id: string;
  begin: number;
  end: number;
  confidence: number;
  flag?: FragmentFlag;
  /** One per sentence when the input gave `sentences` (two or more). */
  children?: AlignedSentence[];
};

/** The pause a boundary took: its length, whether it was a soft pause, how far below the speech around it, how far it moved the boundary. */
export type BoundaryEvidence = { pauseSec: number; soft: boolean; depthDb: number; movedSec: number };

export type AlignFragmentsResult = {
  fragments: AlignedFragment[];
  /** Begin of the first fragment (what comes before is a spoken intro or silence), seconds. */
  head: number;
  /** End of the last fragment, seconds. */
  tail: number;
  /** Duration of the whole audio file. */
  durationSec: number;
  /** Stretches of speech (seconds) inside the aligned part that match no text: each lies in an `extra-audio` fragment. */
  extraSpans: { begin: number; end: number }[];
  stats: {
    syntheticSec: number;
    synthesized: number;
    dtwCells: number;
    pauses: number;
    boundariesInPause: number;
    /** The k + 1 boundaries as the DTW path put them, before pause refinement (seconds): for measuring the path. */
    pathBoundaries: number[];
    /** Per boundary, what pause refinement had to go on (undefined where it did not run). */
    boundaryEvidence: (BoundaryEvidence | undefined)[];
    /** Fragments flagged `not-in-audio` / `extra-audio`. */
    notInAudio: number;
    extraAudio: number;
    timings: { ttsSec: number; featuresSec: number; dtwSec: number; refineSec: number };
  };
};

const SHIFT_SEC = 0.04;
// Seconds of distance from the path's estimate that cost as much as an e-fold of pause length (sentence starts).
const SENTENCE_DISTANCE_SEC = 1;
/** Least DTW cost saved per removed row for a spoken intro/outro (findSpokenEdges' default). */
const SPOKEN_EDGE_MIN_EVIDENCE = 0.36;
/** How far into the recording (from its end) a spoken intro (outro) the first (last) two fragments do not show is
 * looked for: see findSpokenEdges' headWindowRows. */
const EDGE_WINDOW_SEC = 120;
/** A spoken intro/outro cut stands only if the text's first (last) two fragments then match at most this × the median
 * cell cost (see alignFragments). */
const EDGE_FIT_MAX = 1.15;
/** Half-width of the window the real track's cepstral mean and variance come from (see toDtwSequence)… */
const CMVN_WINDOW_SEC = 120;
/** … and how much of the whole track's statistics each window holds besides its own. */
const CMVN_PRIOR_SEC = 50;
/** Half-width of the window the boundary candidates' loudness threshold comes from (see detectPauses). */
const CANDIDATE_LEVEL_WINDOW_SEC = 45;
/** A soft pause (detectPauses) scores as a pause of this share of its length. */
const SOFT_PAUSE_STRENGTH = 0.5;
// Silence between two sentences of a paragraph in the synthetic track (SSML break); 300–900 ms all aligned the real
// dev set's sentences alike, none at all left the path 1.6–2 s off inside long paragraphs.
const SENTENCE_BREAK_MS = 500;

/**
 * aeneas' method, with fixes: espeak-ng speaks every fragment, MFCCs of the real and the synthetic track,
 * DTW on 1 − cos(c1..c12) — two-level (coarse band, then a narrow window around the projected path) so memory
 * stays linear in the length — with an open begin and end so a spoken intro/outro is skipped rather than
 * swallowed by the first/last fragment; boundaries mapped back through the path, then moved to the centre
 * of a nearby pause found by an energy VAD; one confidence per fragment.
 *
 * Boundaries are shared: fragment i ends where fragment i + 1 begins (the centre of the pause between them).
 */
export async function alignFragments(input: AlignFragmentsInput): Promise<AlignFragmentsResult> {
  const { audioWav, fragments, language, signal } = input;
  const o = input.options ?? {};
  const progress = (f: number): void => input.onProgress?.(Math.min(1, Math.max(0, f)));
  if (fragments.length === 0) throw new AppError('INVALID_INPUT', 'Nothing to align: the text has no fragments.');
  const info = await openWav(audioWav);
  if (info.sampleRate !== 16_000 || info.channels !== 1 || info.bitsPerSample !== 16) {
    throw new AppError('UNSUPPORTED_MEDIA', 'The aligner needs 16 kHz mono 16-bit WAV; convert the audio with convertToPcm first.', {
      sampleRate: info.sampleRate,
      channels: info.channels,
    });
  }
  const durationSec = info.samples / info.sampleRate;
  const spanBegin = Math.max(0, Math.min(durationSec, input.span?.begin ?? 0));
  const spanEnd = Math.max(spanBegin, Math.min(durationSec, input.span?.end ?? durationSec));
  if (spanEnd - spanBegin < 0.5) throw new AppError('INVALID_INPUT', 'The span to align is shorter than half a second.');

  // 1. Synthetic track (espeak-ng child processes) and, meanwhile, the real audio's features (see
  // realFeatures: on a worker thread for long audio, else between the TTS stage's awaits on this thread).
  // Either failing stops the other (one controller) before the error is thrown.
  const withSentences = fragments.some((f) => (f.sentences?.length ?? 0) > 1);
  signal?.throwIfAborted();
  const both = new AbortController();
  const stopBoth = (): void => both.abort(signal?.reason);
  signal?.addEventListener('abort', stopBoth, { once: true });
  let t0 = performance.now();
  let ttsSec = 0;
  // The synthetic track's MFCCs are computed from the resampler's output as it comes (on this thread), so they
  // overlap the resampling and the real audio's MFCCs (a worker thread for long audio) instead of following them.
  const synthFeatures = new MfccExtractor(SYNTHETIC_SAMPLE_RATE, { dither: 1, shiftSec: SHIFT_SEC });
  const [{ track, synthMfcc }, realFeats] = await settleBoth(
    streamSyntheticTrack(
      fragments.map((f) => spokenText(f, withSentences)),
      {
        language,
        ssml: withSentences,
        cacheDir: o.cacheDir,
        wordsPerMinute: o.wordsPerMinute,
        signal: both.signal,
        onProgress: (f) => progress(0.3 * f),
        onSamples: (samples) => synthFeatures.push(samples),
      },
    ).then((t) => {
      ttsSec = (performance.now() - t0) / 1000;
      return { track: t, synthMfcc: synthFeatures.finish() };
    }),
    // MFCCs and frame energies of the real audio, streamed from disk (on a worker thread for long audio)
    realFeatures({ file: audioWav, startSec: spanBegin, endSec: spanEnd, shiftSec: SHIFT_SEC }, { signal: both.signal }),
    () => both.abort(new Error('stopped: the other stage failed')),
  ).finally(() => signal?.removeEventListener('abort', stopBoth));
  signal?.throwIfAborted();
  const realMfcc = realFeats.mfcc;

  // 2. Both tracks' features as DTW sequences; the pause map.
  t0 = performance.now();
  progress(0.5);
  // The real track's CMVN over ±2 minutes, with 50 s worth of the whole track's statistics in every window: a chapter
  // whose room, noise or microphone changes (a noisy stretch, another session) is normalised stretch by stretch
  // (bench/align-real-long.ts: with the whole file's statistics the path ran 1–2 s off in a noisy stretch of a clean
  // chapter, 12 s off with false flags where conditions changed block by block). Without the whole track's share, a
  // 45 s preamble by another speaker pulled the first paragraph's statistics away and it was taken for skipped.
  // Measured (that bench and align-edges-real.test.ts): a share of 25–60 s and of 120 s aligned every case; 80 s
  // flagged one read line of the changing chapter (skip evidence 0.58 against a bar of 0.5); 0 s lost the first
  // paragraph after the preamble; 180 s and more left the noisy stretch 1–2 s off.
  const real = toDtwSequence(realMfcc, relativeLoudness(realMfcc), {
    cmvn: true,
    windowFrames: Math.round(CMVN_WINDOW_SEC / SHIFT_SEC),
    priorFrames: Math.round(CMVN_PRIOR_SEC / SHIFT_SEC),
  });
  const synth = toDtwSequence(synthMfcc, relativeLoudness(synthMfcc), { cmvn: true });
  const { levels, frameSec } = realFeats;
  const pauseMap = detectPauses(levels, frameSec, { minPauseSec: o.minPauseSec });
  const placeIn = (p: { begin: number; end: number }, near?: number): number => quietestPoint(levels, frameSec, p, near);
  // Boundary candidates: the pauses, and the soft pauses (a word's reverberant tail over a short pause) at half
  // their length, so that a clear pause near the estimate wins over a soft one.
  // The boundaries' candidates come from thresholds local to ±45 s: where the noise floor or the level changes
  // within a chapter (readings recorded apart, a noisy stretch) each stretch gets its own threshold; with the whole
  // file's, a noisy stretch had no pause at all (bench/align-real-long.ts). The file's own pause map stays what
  // text and speech the audio lacks are judged on: with local thresholds there, steady noise gave read lines false
  // extra-audio flags.
  const candidateMap = detectPauses(levels, frameSec, { minPauseSec: o.minPauseSec, levelWindowSec: CANDIDATE_LEVEL_WINDOW_SEC });
  const candidates: PauseSpan[] = [...candidateMap.pauses, ...candidateMap.softPauses.map((p) => ({ ...p, strength: SOFT_PAUSE_STRENGTH }))].sort(
    (a, b) => a.begin - b.begin,
  );
  // both tracks' MFCCs ran during the TTS stage (ttsSec): featuresSec counts what is left after it
  const featuresSec = (performance.now() - t0) / 1000;
  progress(0.6);
  signal?.throwIfAborted();

  // 3. DTW, open at both ends.
  t0 = performance.now();
  // With a span (between two anchors the editor keeps) the text fills it unless asked otherwise.
  const headMax = o.headMaxSec ?? (input.span ? 0 : 60);
  const tailMax = o.tailMaxSec ?? (input.span ? 0 : 90);
  const dtwOptions = {
    factor: 8,
    bandRadius: ((o.bandSec ?? 60) + Math.max(headMax, tailMax)) / SHIFT_SEC,
    refineRadius: 12,
    openBegin: Math.round(headMax / SHIFT_SEC),
    openEnd: Math.round(tailMax / SHIFT_SEC),
    skipCost: o.skipCost ?? 0.3,
    energyWeight: o.energyWeight ?? 0.5,
  };
  // Skipping a real frame at the head or tail must cost about what matching a poor frame costs *in this
  // recording*: a real voice matches the synthetic one far worse than espeak-ng matches itself, and a fixed
  // cost let DTW skip the last 33 s of a fully read chapter. So align once with both ends closed, and price a
  // skipped frame at twice that path's median cell cost (the median, because an intro and outro can be a large
  // share of a short chapter's path): only speech that matches the text far worse than the reading does is left
  // out. Measured: real voices median 0.57–0.70 (their first 10 s 0.65–0.76), espeak-ng chapters 0.12–0.13 with
  // their intros at 0.68; any factor from 1.5 to 2.5 aligned both.
  let dtwPath: DtwPath;
  let medianCell = NaN;
  if (dtwOptions.openBegin > 0 || dtwOptions.openEnd > 0) {
    const closed = multiscaleDtw(real, synth, { ...dtwOptions, openBegin: 0, openEnd: 0 });
    medianCell = quantile(pathCellCosts(closed, real, synth, dtwOptions.energyWeight), 0.5);
    if (o.skipCost === undefined) dtwOptions.skipCost = 2 * medianCell;
    dtwPath = multiscaleDtw(real, synth, dtwOptions);
  } else dtwPath = multiscaleDtw(real, synth, dtwOptions);
  const shift = realMfcc.shiftSec;
  const k = fragments.length;
  // Synthetic frames of each fragment: colBounds[i] .. colBounds[i + 1].
  const colBounds = [0];
  for (let i = 1; i < k; i++) colBounds.push(Math.min(synth.length, Math.max(colBounds[i - 1]!, Math.round(track.fragments[i]!.begin / shift))));
  colBounds.push(synth.length);
  // Text the reader skipped: align again without it, so its neighbours are not stretched over its place.
  const detect = o.detectMismatch ?? true;
  const skipped = detect
    ? findSkippedFragments(dtwPath, real, synth, colBounds, Uint8Array.from(synth.energy!, (e) => (e > 0.3 ? 1 : 0)), dtwOptions)
    : fragments.map(() => false);
  if (skipped.some(Boolean)) dtwPath = realignWithoutSkipped(dtwPath, real, synth, colBounds, skipped, dtwOptions);
  const runs = speechRuns(pauseMap.pauses, real.length, shift, 0.25);
  // A spoken intro/outro the open begin/end did not skip (a real voice; see findSpokenEdges): aligned without it.
  if (detect && (dtwOptions.openBegin > 0 || dtwOptions.openEnd > 0)) {
    // The evidence a spoken edge needs grows with how badly this recording matches at all: in a very reverberant
    // room every frame costs more and so does the last line's removal (0.52 saved per row at a median cell cost
    // of 0.86, against 0.46–1.00 for real intros and outros at 0.57–0.74). Measured on the real variants
    // (bench/align-real-variants.ts): true edges 0.78–1.35 × the median cell cost, read lines at most 0.61 ×.
    const edges = findSpokenEdges(dtwPath, real, synth, colBounds, runs, {
      ...dtwOptions,
      maxRows: Math.max(dtwOptions.openBegin, dtwOptions.openEnd),
      // a LibriVox preamble of 15–40 s (a long sign-off) is spread over several fragments: weigh it against the
      // first (last) two minutes (measured on the real readings, bench/align-real-variants.ts intro-long and
      // outro-long: 14–36 s of speech found; with the first (last) two fragments alone, missed)
      headWindowRows: Math.round(EDGE_WINDOW_SEC / SHIFT_SEC),
      tailWindowRows: Math.round(EDGE_WINDOW_SEC / SHIFT_SEC),
      ...(Number.isFinite(medianCell) ? { minEvidence: Math.max(SPOKEN_EDGE_MIN_EVIDENCE, 0.7 * medianCell) } : {}),
    });
    if (dtwOptions.openBegin === 0) delete edges.head;
    if (dtwOptions.openEnd === 0) delete edges.tail;
    if (edges.head || edges.tail) {
      // A cut must leave the text's first (last) two fragments matching as well as the recording does: after a
      // true intro or outro they did (0.89–1.09 × the median cell cost, bench/align-real-variants.ts), after a cut
      // that made the text's own first lines an "intro" and matched the text to a sentence spliced in after them,
      // 1.07–1.43 (bench/align-real-mismatch.ts). A cut that fails this is dropped.
      const trimmed = trimSpokenEdges(dtwPath, real, synth, colBounds, edges, dtwOptions);
      if (Number.isFinite(medianCell)) {
        const edge = Math.min(2, k);
        const costs = pathCellCosts(trimmed, real, synth, dtwOptions.energyWeight);
        const fits = (c0: number, c1: number) => meanCellCost(trimmed, costs, c0, c1) <= EDGE_FIT_MAX * medianCell;
        const keep = {
          ...(edges.head && fits(0, colBounds[edge]!) ? { head: edges.head } : {}),
          ...(edges.tail && fits(colBounds[k - edge]!, synth.length) ? { tail: edges.tail } : {}),
        };
        if (keep.head === edges.head && keep.tail === edges.tail) dtwPath = trimmed;
        else if (keep.head || keep.tail) dtwPath = trimSpokenEdges(dtwPath, real, synth, colBounds, keep, dtwOptions);
      } else dtwPath = trimmed;
    }
  }
  // Speech the text lacks, on a real voice (see findExtraSpeechByRemoval): aligned again without it.
  // (Where the path does cross extra speech horizontally, as on espeak-ng speech, that finding is kept: below.)
  const isSpeech = (r: number): boolean => pauseMap.inSpeech(r * shift);
  const crossed = detect
    ? findExtraSpeech(dtwPath, real.length, isSpeech)
        .filter((e) => e.speech * shift >= (o.minExtraSpeechSec ?? 2))
        .map((e): [number, number] => [e.begin, e.end])
    : [];
  const removed = detect
    ? findExtraSpeechByRemoval(dtwPath, real, synth, colBounds, runs, {
        ...dtwOptions,
        exclude: crossed,
      })
    : [];
  if (removed.length) dtwPath = realignWithoutRows(dtwPath, real, synth, colBounds, removed, dtwOptions);
  const dtwSec = (performance.now() - t0) / 1000;
  progress(0.85);
  signal?.throwIfAborted();

  // 4. Synthetic boundaries → real time; then pause refinement.
  t0 = performance.now();
  const synthBoundaries = [...track.fragments.map((f) => f.begin), track.fragments[k - 1]!.end];
  // The first and last boundary come from where the path starts and ends (the open begin/end).
  const mapped = mapThroughPath(synthBoundaries, dtwPath, synth.length, shift);
  mapped[0] = dtwPath.rows[0]! * shift;
  mapped[k] = (dtwPath.rows[dtwPath.rows.length - 1]! + 1) * shift;
  // A skipped fragment's begin and end are one point (the boundary between its neighbours).
  const same = new Uint8Array(k + 1); // same[b]: boundary b equals boundary b − 1
  for (let i = 0; i < k; i++) {
    if (!skipped[i]) continue;
    let g = i;
    while (g + 1 < k && skipped[g + 1]) g++;
    const t = i === 0 ? mapped[0]! : g === k - 1 ? mapped[k]! : (mapped[i]! + mapped[g + 1]!) / 2;
    for (let b = i; b <= g + 1; b++) {
      mapped[b] = t;
      if (b > i) same[b] = 1;
    }
    i = g;
  }
  const maxSnap = o.maxSnapSec ?? 0.5;
  const unique = mapped.filter((_, b) => !same[b]);
  // Each boundary takes a pause, chosen jointly for the chapter (in order, one pause per boundary): long pauses
  // near the path's estimate, up to 2 × maxSnap away (a slow reader's path misses a short pause by 0.4–0.55 s,
  // measured on the real readings at 0.8× tempo); the e-fold of pause length is worth 0.35 s of distance.
  const joint = () => {
    const choice = choosePauses({
      expected: unique,
      pauses: candidates,
      distanceScale: 0.7 * maxSnap,
      maxDistance: 2 * maxSnap,
    });
    let prev = -Infinity;
    return choice.map((c, b): { time: number; inPause: boolean; evidence: BoundaryEvidence | undefined } => {
      const t0 = unique[b]!;
      const time = Math.max(prev, c >= 0 ? placeIn(candidates[c]!, t0) : t0);
      prev = time;
      const p = c >= 0 ? candidates[c]! : undefined;
      return {
        time,
        inPause: c >= 0 || !pauseMap.inSpeech(time),
        evidence: {
          pauseSec: p ? p.end - p.begin : 0,
          soft: (p?.strength ?? 1) < 1,
          depthDb: p ? pauseDepth(levels, frameSec, p) : 0,
          movedSec: Math.abs(time - t0),
        },
      };
    });
  };
  const snappedUnique = maxSnap > 0 ? joint() : unique.map((t) => ({ time: t, inPause: !pauseMap.inSpeech(t), evidence: undefined }));
  const snapped: typeof snappedUnique = [];
  for (let b = 0, u = -1; b <= k; b++) snapped.push(snappedUnique[same[b] ? u : ++u]!);
  // Without an open begin/end (a span between anchors) the text fills the span exactly.
  if (headMax === 0 && !same[1]) snapped[0] = { time: 0, inPause: true, evidence: undefined };
  if (tailMax === 0 && !same[k]) snapped[k] = { time: spanEnd - spanBegin, inPause: true, evidence: undefined };
  const bounds = snapped.map((s) => Math.min(spanEnd - spanBegin, Math.max(0, s.time)));

  // Speech the text lacks: horizontal stretches of the path over real speech, one span per fragment.
  const flags: (FragmentFlag | undefined)[] = skipped.map((s) => (s ? 'not-in-audio' : undefined));
  const extra = detect
    ? groupExtraSpeech(
        findExtraSpeech(dtwPath, real.length, isSpeech).map((e) => ({
          begin: e.begin * shift,
          end: e.end * shift,
          speech: e.speech * shift,
        })),
        bounds,
        o.minExtraSpeechSec ?? 2,
      ).filter((e) => !flags[e.fragment])
    : [];
  for (const e of extra) flags[e.fragment] = 'extra-audio';
  const extraSpans = extra.map((e) => ({ begin: e.begin, end: e.end }));
  for (const x of removed) {
    const span = { begin: x.rowFrom * shift, end: x.rowTo * shift };
    // The fragment that holds it now (the boundary next to it went to one side or the other).
    const holder = fragmentHolding(span, bounds);
    if (holder < 0 || flags[holder] === 'not-in-audio') continue;
    flags[holder] = 'extra-audio';
    if (!extraSpans.some((e) => e.end > span.begin && e.begin < span.end)) extraSpans.push(span);
  }
  extraSpans.sort((x, y) => x.begin - y.begin);

  // 5. Confidence.
  const costs = fragmentCosts(dtwPath, real, synth, track.fragments, shift);
  const confidence = scoreFragments({
    costs,
    chars: fragments.map((f) => f.text.replace(/\s+/g, '').length),
    realSec: fragments.map((_, i) => bounds[i + 1]! - bounds[i]!),
    synthSec: track.fragments.map((f) => f.end - f.begin),
    edgeInPause: snapped.map((s) => s.inPause),
    flagged: flags.map((f) => f !== undefined),
  });
  // 6. Sentences inside each fragment: their starts found in the synthetic track, mapped through the path,
  // then moved to the centre of a real pause inside the fragment (pauses the fragment's own edges hold excluded).
  const sentenceBounds = fragments.map((f, i): { time: number; inPause: boolean }[] | undefined => {
    const sentences = f.sentences;
    if (!sentences || sentences.length < 2) return undefined;
    const fb = bounds[i]!;
    const fe = bounds[i + 1]!;
    const edges = [{ time: fb, inPause: snapped[i]!.inPause }];
    if (fe - fb > 0.2 && !flags[i]) {
      const synthBreaks = locateSentenceBreaks({
        energy: synth.energy!,
        shiftSec: shift,
        begin: track.fragments[i]!.begin,
        end: track.fragments[i]!.end,
        sentenceChars: sentences.map((x) => x.replace(/\s+/g, '').length),
      });
      const mappedBreaks = mapThroughPath(synthBreaks, dtwPath, synth.length, shift).map((t) => Math.min(fe, Math.max(fb, t)));
      // Inside a paragraph the path drifts by a second or two on a real voice: each sentence start takes a real
      // pause chosen jointly for the paragraph (long pauses near the path's estimate, in order).
      const inner = candidates.filter((p) => p.begin > fb + 0.05 && p.end < fe - 0.05);
      const choice = choosePauses({ expected: mappedBreaks, pauses: inner, distanceScale: SENTENCE_DISTANCE_SEC, maxDistance: 3 });
      const placed = choice.map((c, b) =>
        c >= 0 ? { time: placeIn(inner[c]!, mappedBreaks[b]!), inPause: true } : { time: mappedBreaks[b]!, inPause: !pauseMap.inSpeech(mappedBreaks[b]!) },
      );
      for (const b of placed) edges.push({ time: Math.min(fe, Math.max(edges[edges.length - 1]!.time, b.time)), inPause: b.inPause });
    } else {
      // Not aligned (flagged or empty): the sentences share the fragment's span by characters.
      const chars = sentences.map((x) => Math.max(1, x.replace(/\s+/g, '').length));
      const total = chars.reduce((a, b) => a + b, 0);
      let acc = 0;
      for (let c = 0; c < chars.length - 1; c++) {
        acc += chars[c]!;
        edges.push({ time: fb + ((fe - fb) * acc) / total, inPause: false });
      }
    }
    edges.push({ time: fe, inPause: snapped[i + 1]!.inPause });
    return edges;
  });
  const refineSec = (performance.now() - t0) / 1000;
  progress(1);

  // Rounded to the ms, except at the span's own edges (anchors the editor keeps): those exactly.
  const inSpan = (t: number): number =>
    t <= spanBegin ? spanBegin : t >= spanEnd ? spanEnd : Math.min(spanEnd, Math.max(spanBegin, round3(t)));
  const out: AlignedFragment[] = fragments.map((f, i) => {
    const edges = sentenceBounds[i];
    const begin = inSpan(spanBegin + bounds[i]!);
    const end = inSpan(spanBegin + bounds[i + 1]!);
    return {
      id: f.id,
      begin,
      end,
      confidence: confidence[i]!,
      ...(flags[i] ? { flag: flags[i] } : {}),
      ...(edges
        ? {
            children: edges.slice(0, -1).map((e, c) => ({
              begin: c === 0 ? begin : inSpan(spanBegin + e.time),
              end: c === edges.length - 2 ? end : inSpan(spanBegin + edges[c + 1]!.time),
              // A sentence edge left in speech is worth a look; otherwise the fragment's confidence.
              confidence: Math.round(confidence[i]! * (e.inPause ? 1 : 0.8) * (edges[c + 1]!.inPause ? 1 : 0.8) * 1000) / 1000,
            })),
          }
        : {}),
    };
  });
  return {
    fragments: out,
    head: out[0]!.begin,
    tail: out[k - 1]!.end,
    durationSec,
    extraSpans: extraSpans.map((e) => ({ begin: round3(spanBegin + e.begin), end: round3(spanBegin + e.end) })),
    stats: {
      syntheticSec: track.durationSec,
      synthesized: track.synthesized,
      dtwCells: dtwPath.cells,
      pauses: pauseMap.pauses.length,
      boundariesInPause: snapped.filter((s) => s.inPause).length,
      pathBoundaries: mapped.map((t) => round3(spanBegin + t)),
      boundaryEvidence: snapped.map((x) => x.evidence),
      notInAudio: flags.filter((f) => f === 'not-in-audio').length,
      extraAudio: flags.filter((f) => f === 'extra-audio').length,
      timings: { ttsSec, featuresSec, dtwSec, refineSec },
    },
  };
}

/**
 * What espeak-ng says for a fragment: its text, or with sentences (`ssml`: the whole track is SSML then), the
 * sentences each closed by a full stop when they lack one, with a break between them as long as the one between
 * two fragments of the track, so that the synthetic voice pauses at every sentence end as clearly as between
 * paragraphs: locateSentenceBreaks finds the pause, and the path anchors on it as it does on a paragraph's.
 */
/**
 * Speaks the fragments' texts into the TTS cache as `alignFragments` will speak them, so a caller can run it ahead
 * (the CLI, while ffmpeg decodes the audio); `alignFragments` then finds every text cached.
 */
export async function prepareSyntheticSpeech(input: Pick<AlignFragmentsInput, 'fragments' | 'language' | 'options' | 'signal'>): Promise<void> {
  const withSentences = input.fragments.some((f) => (f.sentences?.length ?? 0) > 1);
  await speakIntoCache(
    input.fragments.map((f) => spokenText(f, withSentences)),
    { language: input.language, ssml: withSentences, cacheDir: input.options?.cacheDir, wordsPerMinute: input.options?.wordsPerMinute, signal: input.signal },
  );
}

/** dB between the speech around a pause (the 90th percentile of the 1 s on either side) and the pause's quietest 100 ms. */
function pauseDepth(db: Float32Array, frameSec: number, p: { begin: number; end: number }): number {
  const around: number[] = [];
  const span = Math.round(1 / frameSec);
  const b = Math.round(p.begin / frameSec);
  const e = Math.round(p.end / frameSec);
  for (let f = Math.max(0, b - span); f < b; f++) around.push(db[f]!);
  for (let f = e; f < Math.min(db.length, e + span); f++) around.push(db[f]!);
  const loud = quantile(around, 0.9);
  const half = Math.max(1, Math.round(0.05 / frameSec));
  let quiet = Infinity;
  for (let f = b; f <= Math.max(b, e - 2 * half); f++) {
    let acc = 0;
    let n = 0;
    for (let g = f; g < Math.min(db.length, f + 2 * half); g++, n++) acc += db[g]!;
    if (n) quiet = Math.min(quiet, acc / n);
  }
  return Number.isFinite(quiet) && around.length ? loud - quiet : 0;
}

function spokenText(f: { text: string; sentences?: string[] }, ssml: boolean): string {
  if (!ssml) return f.text;
  const escape = (x: string): string => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (!f.sentences || f.sentences.length < 2) return escape(f.text);
  return f.sentences
    .map((x) => escape(/[.!?…:;]["'»”’)\]]*\s*$/u.test(x) ? x.trim() : `${x.trim()}.`))
    .join(` <break time="${SENTENCE_BREAK_MS}ms"/> `);
}

/** Real rows [from, to) of the speech between pauses of at least `minPauseSec` (inter-pausal units). */
function speechRuns(pauses: { begin: number; end: number }[], rows: number, shift: number, minPauseSec: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (const p of pauses) {
    if (p.end - p.begin < minPauseSec) continue;
    const to = Math.floor(p.begin / shift);
    if (to > from) out.push([from, to]);
    from = Math.ceil(p.end / shift);
  }
  if (rows > from) out.push([from, rows]);
  return out;
}

/** c0 of each frame mapped to [0, 1] between the track's 10th and 90th percentile (quiet → 0, speech → 1). */
function relativeLoudness(m: Mfcc): Float32Array {
  const c0 = new Float32Array(m.frames);
  for (let i = 0; i < m.frames; i++) c0[i] = m.data[i * m.coeffs]!;
  const sorted = Float32Array.from(c0).sort();
  const lo = sorted[Math.floor(0.1 * (sorted.length - 1))]!;
  const hi = sorted[Math.floor(0.9 * (sorted.length - 1))]!;
  const span = Math.max(1e-6, hi - lo);
  return c0.map((v) => Math.min(1, Math.max(0, (v - lo) / span)));
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Mean of the path's cell costs (`costs`, pathCellCosts) over the cells whose synthetic frame lies in [c0, c1);
 * Infinity when there is none. */
function meanCellCost(p: DtwPath, costs: Float64Array, c0: number, c1: number): number {
  let sum = 0;
  let n = 0;
  for (let q = 0; q < p.cols.length; q++) {
    const c = p.cols[q]!;
    if (c >= c0 && c < c1) {
      sum += costs[q]!;
      n++;
    }
  }
  return n ? sum / n : Infinity;
}

/** Mean local cost (1 − cos) of the path cells whose synthetic frame lies in each fragment. */
function fragmentCosts(
  p: DtwPath,
  a: DtwSequence,
  b: DtwSequence,
  frags: { begin: number; end: number }[],
  shift: number,
): number[] {
  const fragOf = new Int32Array(b.length).fill(-1);
  frags.forEach((f, i) => {
    const j0 = Math.max(0, Math.round(f.begin / shift));
    const j1 = Math.min(b.length, Math.round(f.end / shift));
    for (let j = j0; j < j1; j++) fragOf[j] = i;
  });
  const sum = new Float64Array(frags.length);
  const cnt = new Float64Array(frags.length);
  const dim = a.dim;
  for (let q = 0; q < p.rows.length; q++) {
    const i = p.rows[q]!;
    const j = p.cols[q]!;
    const f = fragOf[j]!;
    if (f < 0) continue;
    let dot = 0;
    for (let d = 0; d < dim; d++) dot += a.data[i * dim + d]! * b.data[j * dim + d]!;
    sum[f]! += 1 - dot;
    cnt[f]!++;
  }
  return Array.from(sum, (s, i) => (cnt[i]! > 0 ? s / cnt[i]! : NaN));
}

/** Value at quantile q (0..1, nearest rank) of xs. */
function quantile(xs: ArrayLike<number>, q: number): number {
  const s = Float64Array.from(xs).sort();
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]! : 0;
}

function median(xs: number[]): number {
  const s = xs.filter(Number.isFinite).sort((x, y) => x - y);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
/** How much s_cost can fall below 1 before the cost is an outlier (see scoreFragments). */
const COST_SLOPE = 0.05;

/**
 * confidence = s_cost · s_rate · s_ratio · s_edges, each in [0, 1]:
 * - s_cost: robust z of the fragment's mean DTW cost against the chapter (median, 1.4826·MAD);
 *   1 − 0.05·sigmoid(z) up to z = 2 (0.994 at z = −2, 0.975 at the median, 0.956 at z = 2: fragments tied on every
 *   other factor still rank by how well they match, as "lowest 10 %" must single out one of the two fragments
 *   around a bad boundary), then falling linearly to 0 at z = 6.
 *   A short fragment's cost is an average over few frames: z is divided by √(3 s / synthetic seconds) below 3 s.
 * - s_rate: speaking rate (non-space chars per real second) vs the chapter median; 1 within a factor 1.6,
 *   0 at a factor 3.2 (log scale). A fragment's span holds half of each pause around it, which for a title or
 *   "Capítulo I" is most of it: the tolerance widens by a factor 1 + 1.5 s / synthetic seconds, so a correctly
 *   aligned short fragment does not score low for being short.
 * - s_ratio: real / synthetic duration vs the chapter median ratio, same shape.
 * - s_edges: × 0.8 for each of its two boundaries that is still in speech after pause refinement.
 * A flagged fragment (text not in the audio, or extra speech in it) gets at most 0.2 (and × 0.25).
 */
export function scoreFragments(input: {
  costs: number[];
  chars: number[];
  realSec: number[];
  synthSec: number[];
  edgeInPause: boolean[];
  flagged?: boolean[];
}): number[] {
  const { costs, chars, realSec, synthSec, edgeInPause, flagged } = input;
  const medCost = median(costs);
  const mad = median(costs.map((c) => Math.abs(c - medCost))) * 1.4826 + 1e-6;
  const rates = chars.map((c, i) => (realSec[i]! > 0 ? c / realSec[i]! : NaN));
  const ratios = realSec.map((r, i) => (synthSec[i]! > 0 ? r / synthSec[i]! : NaN));
  const medRate = median(rates);
  const medRatio = median(ratios);
  const logShape = (x: number, med: number, slack: number): number => {
    if (!Number.isFinite(x) || !Number.isFinite(med) || x <= 0 || med <= 0) return 0.5;
    const d = Math.abs(Math.log(x / med));
    return clamp01(1 - Math.max(0, d - Math.log(1.6) - slack) / Math.log(2));
  };
  return costs.map((c, i) => {
    const synth = Math.max(0.25, synthSec[i]!);
    const slack = Math.log(1 + 1.5 / synth);
    const z = Number.isFinite(c) ? (c - medCost) / mad / Math.sqrt(Math.max(1, 3 / synth)) : 6;
    // a gentle slope below z = 2 keeps fragments apart that would otherwise tie at 1 (or at 0.8 for the two sides of
    // one boundary in speech): the queue puts the worse-matching one first
    const gentle = (x: number): number => 1 - COST_SLOPE / (1 + Math.exp(-x));
    const sCost = z <= 2 ? gentle(z) : gentle(2) * clamp01(1 - (z - 2) / 4);
    const sRate = chars[i]! > 0 ? logShape(rates[i]!, medRate, slack) : 1;
    const sRatio = logShape(ratios[i]!, medRatio, slack);
    const sEdges = (edgeInPause[i] ? 1 : 0.8) * (edgeInPause[i + 1] ? 1 : 0.8);
    const conf = sCost * sRate * sRatio * sEdges;
    return Math.round((flagged?.[i] ? Math.min(0.2, 0.25 * conf) : conf) * 1000) / 1000;
  });
}
