// Test and bench helper: a real reading (see real-es-fixture.ts), as 16 kHz mono WAV from convertToPcm, edited
// with sox — a line cut out, another recording's line spliced in, tempo or speed changed, pink noise mixed in, gain,
// reverb, a telephone band, a spoken intro or outro — with its timing truth moved to match. Cuts and splices are
// sample-exact. Effects that can overshoot run on float audio with 12 dB of headroom and come back at the original
// level, or peak-normalised to −0.1 dBFS where that would clip. Everything runs with `sox -R` (repeatable noise and
// dither).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PCM_SAMPLE_RATE } from '../audio/convert-to-pcm.ts';
import { openWav, streamWavSamples } from '../audio/wav-reader.ts';
import type { AlignmentTruth, TruthSpan } from '../align/score-alignment.ts';

const run = promisify(execFile);
const sox = (...args: string[]) => run('sox', ['-R', ...args]);

/** Silence kept on each side of a spliced-in line, at most (never past the middle of its pauses). */
const SPLICE_PAD_SEC = 0.3;
/** Digital silence between a spoken intro and the recording, and between the recording and a spoken outro. */
const INTRO_GAP_SEC = 1;
const OUTRO_GAP_SEC = 1.2;
/** Headroom of the float intermediate of effects that can overshoot (dB). */
const HEADROOM_DB = 12;
/** Where "just below clipping" is (dBFS). */
const CEILING_DB = -0.1;

/** A recording as 16 kHz mono WAV (convertToPcm) with its truth; a RealRecording spread with `wav` fits. */
export type RecordingWav = { name: string; wav: string; truth: AlignmentTruth };

export type RecordingEdit =
  | { kind: 'none' }
  /** Cut line `line` out, from the middle of the pause before it to the middle of the pause after it. */
  | { kind: 'remove'; line: number }
  /** Splice `donor`'s line `line` (its speech span plus up to 0.3 s of silence each side) into the middle of the
   * pause after line `after`. */
  | { kind: 'insert'; after: number; donor: RecordingWav; line: number }
  /** `sox tempo -s`: pace × factor, pitch kept. */
  | { kind: 'tempo'; factor: number }
  /** `sox speed`: pace and pitch × factor. */
  | { kind: 'speed'; factor: number }
  /** Pink noise over the whole file, `snrDb` below the RMS of the speech (the truth's lines). */
  | { kind: 'noise'; snrDb: number }
  /** `db` decibels, or 'max': up to a peak just below clipping. */
  | { kind: 'gain'; db: number | 'max' }
  /** `sox reverb` (reverberance 0–100). */
  | { kind: 'reverb'; reverberance: number }
  /** Band limit (`sox sinc lowHz-highHz`); 300–3400 Hz is a telephone. */
  | { kind: 'lowpass'; lowHz: number; highHz: number }
  /** `donor`'s line `line` (with up to 0.3 s of silence each side; `through`: its lines `line`..`through` as read,
   * pauses and all, a LibriVox-length preamble), then 1 s of silence, before the recording: a spoken intro the text
   * lacks. */
  | { kind: 'intro'; donor: RecordingWav; line: number; through?: number }
  /** 1.2 s of silence, then `donor`'s line `line` (`through`: its lines `line`..`through` as read), after the
   * recording: a spoken outro. */
  | { kind: 'outro'; donor: RecordingWav; line: number; through?: number }
  /** The recording's own last line, then 1 s of silence, before it: the same reader saying something that is not
   * in the text at the start (as a LibriVox "Capítulo uno…"), with words the text does have. */
  | { kind: 'intro-same-reader'; /** Its last lines from this one on, as read (default: the last line alone). */ from?: number };

/** The donor's line closest to `sec` seconds long (a spoken intro or outro of about that length). */
export function lineNear(donor: RecordingWav, sec: number): number {
  const len = donor.truth.paragraphs.map((p) => Math.abs(p.end - p.begin - sec));
  return len.indexOf(Math.min(...len));
}

/** The last of the donor's first lines that together hold at least `sec` of speech (or its last line): an intro's
 * `through`. */
export function firstLinesHolding(donor: RecordingWav, sec: number): number {
  const p = donor.truth.paragraphs;
  const k = p.findIndex((l) => l.end - p[0]!.begin >= sec);
  return k < 0 ? p.length - 1 : k;
}

/** The first of the donor's last lines that together hold at least `sec` of speech (or its first line). */
export function lastLinesHolding(donor: RecordingWav, sec: number): number {
  const p = donor.truth.paragraphs;
  for (let k = p.length - 1; k >= 0; k--) if (p[p.length - 1]!.end - p[k]!.begin >= sec) return k;
  return 0;
}

export type EditedRecording = {
  wav: string;
  /** Truth of the edited audio: a removed line is a zero-length point at the cut. */
  truth: AlignmentTruth;
  /** Where the spliced-in speech (inserted line, intro, outro) lies in the edited audio. */
  inserted?: TruthSpan;
  /** What the edit measured or did to the level, for a report. */
  note?: string;
};

/** How an edit moved time (seconds; the cut and splice positions sample-exact): the pure part of an edit. */
export type TruthChange =
  | { kind: 'same' }
  /** Every time divided by `factor` (tempo and speed). */
  | { kind: 'scale'; factor: number }
  /** Audio from `from` to `to` removed; line `line` (which lay there) becomes a point at `from`. */
  | { kind: 'cut'; line: number; from: number; to: number }
  /**
   * `length` seconds of audio put in at `at`, holding `speech.length` seconds of speech from `speech.offset` after
   * `at`: an unread line between two lines (`inserted`), a preamble (at 0) or an outro (at the end).
   */
  | {
      kind: 'splice';
      at: number;
      length: number;
      speech: { offset: number; length: number };
      as: 'inserted' | 'preamble' | 'outro';
    };

/** The truth of the edited audio, and where spliced-in speech lies in it. */
export function editTruth(truth: AlignmentTruth, change: TruthChange): { truth: AlignmentTruth; inserted?: TruthSpan } {
  const t = truth;
  if (change.kind === 'same') return { truth: t };
  if (change.kind === 'scale') {
    const f = (x: number): number => x / change.factor;
    return {
      truth: {
        duration: f(t.duration),
        preamble: [f(t.preamble[0]), f(t.preamble[1])],
        outro: [f(t.outro[0]), f(t.outro[1])],
        paragraphs: t.paragraphs.map((p) => ({ begin: f(p.begin), end: f(p.end) })),
      },
    };
  }
  // Everything from `at` on moves by `by` seconds (the preamble stays).
  const shifted = (at: number, by: number): AlignmentTruth => {
    const move = (x: number): number => (x >= at ? x + by : x);
    return {
      duration: Math.max(t.duration, at) + by,
      preamble: t.preamble,
      outro: [move(t.outro[0]), move(t.outro[1])],
      paragraphs: t.paragraphs.map((p) => ({ begin: move(p.begin), end: move(p.end) })),
    };
  };
  if (change.kind === 'cut') {
    const out = shifted(change.to, change.from - change.to);
    out.paragraphs[change.line] = { begin: change.from, end: change.from };
    return { truth: out };
  }
  const { at, length, speech } = change;
  const begin = at + speech.offset;
  const inserted = { begin, end: begin + speech.length };
  if (change.as === 'inserted') return { truth: shifted(at, length), inserted };
  if (change.as === 'preamble') {
    const out = shifted(0, length);
    const had = t.preamble[1] > t.preamble[0];
    out.preamble = [inserted.begin, had ? t.preamble[1] + length : inserted.end];
    return { truth: out, inserted };
  }
  const out = shifted(at, length);
  const had = t.outro[1] > t.outro[0] && t.outro[0] < at;
  out.outro = [had ? t.outro[0] : inserted.begin, inserted.end];
  return { truth: out, inserted };
}

const toSample = (sec: number): number => Math.round(sec * PCM_SAMPLE_RATE);
const toSec = (samples: number): number => samples / PCM_SAMPLE_RATE;
const pauseMiddle = (truth: AlignmentTruth, before: number): number =>
  (truth.paragraphs[before]!.end + truth.paragraphs[before + 1]!.begin) / 2;

/** Line `line`'s speech with up to SPLICE_PAD_SEC of silence each side, in samples, and where its speech lies in it. */
function clipAround(truth: AlignmentTruth, line: number): { from: number; to: number; speech: { offset: number; length: number } } {
  const p = truth.paragraphs;
  const spoken = p[line]!;
  const prevEnd = line > 0 ? p[line - 1]!.end : truth.preamble[1];
  const nextBegin = line + 1 < p.length ? p[line + 1]!.begin : truth.outro[0];
  const padBefore = Math.min(SPLICE_PAD_SEC, (spoken.begin - prevEnd) / 2);
  const padAfter = Math.min(SPLICE_PAD_SEC, (nextBegin - spoken.end) / 2);
  const from = toSample(spoken.begin - padBefore);
  const to = toSample(spoken.end + padAfter);
  return { from, to, speech: { offset: toSec(toSample(spoken.begin) - from), length: spoken.end - spoken.begin } };
}

/** clipAround over lines `first`..`last` read in a row: from the first's clip start to the last's clip end; its
 * speech runs from the first line's begin to the last one's end. */
function clipAcross(truth: AlignmentTruth, first: number, last: number): ReturnType<typeof clipAround> {
  const a = clipAround(truth, first);
  const b = clipAround(truth, last);
  const p = truth.paragraphs;
  return { from: a.from, to: b.to, speech: { offset: a.speech.offset, length: p[last]!.end - p[first]!.begin } };
}

const fmtDb = (db: number): string => `${db >= 0 ? '+' : '−'}${Math.abs(db).toFixed(1)} dB`;

/** Peak and RMS level of a WAV (dBFS), from `sox stats`. */
async function levels(wav: string): Promise<{ peakDb: number; rmsDb: number }> {
  const { stderr } = await run('sox', [wav, '-n', 'stats']);
  const read = (label: string): number => {
    const m = new RegExp(`^${label}\\s+(\\S+)`, 'm').exec(stderr);
    return m?.[1] === '-inf' ? -Infinity : Number(m?.[1]);
  };
  return { peakDb: read('Pk lev dB'), rmsDb: read('RMS lev dB') };
}

/** RMS of the samples inside the truth's lines, dBFS. */
async function speechRmsDb(wav: string, truth: AlignmentTruth): Promise<number> {
  let sum = 0;
  let n = 0;
  for (const p of truth.paragraphs) {
    for await (const chunk of streamWavSamples(wav, { start: toSample(p.begin), end: toSample(p.end) })) {
      for (const s of chunk) sum += (s / 32768) ** 2;
      n += chunk.length;
    }
  }
  return 10 * Math.log10(sum / Math.max(1, n));
}

/**
 * `sox INPUTS OUT EFFECTS` through a float intermediate: the inputs must come in HEADROOM_DB down (`-v`, or a
 * leading `gain` effect); the result gets that back, or less where it would clip. Returns the dB taken off.
 */
async function renderWithHeadroom(inputs: string[], effects: string[], out: string): Promise<number> {
  const float = `${out}.f32.wav`;
  await sox(...inputs, '-e', 'floating-point', '-b', '32', float, ...effects);
  const { peakDb } = await levels(float);
  const gain = Math.min(HEADROOM_DB, CEILING_DB - peakDb);
  await sox(float, '-e', 'signed-integer', '-b', '16', out, 'gain', gain.toFixed(3));
  return HEADROOM_DB - gain;
}

const slug = (edit: RecordingEdit): string => {
  switch (edit.kind) {
    case 'remove':
      return `remove-${edit.line}`;
    case 'insert':
      return `insert-${edit.after}-${edit.donor.name}-${edit.line}`;
    case 'intro':
      return `intro-${edit.donor.name}-${edit.line}${edit.through !== undefined ? `-${edit.through}` : ''}`;
    case 'outro':
      return `outro-${edit.donor.name}-${edit.line}${edit.through !== undefined ? `-${edit.through}` : ''}`;
    case 'tempo':
    case 'speed':
      return `${edit.kind}-${edit.factor}`;
    case 'noise':
      return `noise-${edit.snrDb}`;
    case 'gain':
      return `gain-${edit.db}`;
    case 'reverb':
      return `reverb-${edit.reverberance}`;
    case 'lowpass':
      return `lowpass-${edit.lowHz}-${edit.highHz}`;
    case 'intro-same-reader':
      return `intro-same-reader${edit.from !== undefined ? `-${edit.from}` : ''}`;
    default:
      return edit.kind;
  }
};

/**
 * Writes the edited audio of `source` into `workDir` (named after the recording and the edit; an existing file of
 * that name is overwritten) and moves its truth to match. `none` returns the source as it is.
 */
export async function editRealRecording(source: RecordingWav, edit: RecordingEdit, workDir: string): Promise<EditedRecording> {
  if (edit.kind === 'none') return { wav: source.wav, truth: source.truth };
  const t = source.truth;
  const base = path.join(workDir, `${source.name}-${slug(edit)}`);
  const head = `${base}-head.wav`;
  const tail = `${base}-tail.wav`;
  const clip = `${base}-clip.wav`;
  const gap = `${base}-gap.wav`;
  const out = `${base}.wav`;
  const silence = (sec: number) => sox('-r', String(PCM_SAMPLE_RATE), '-c', '1', '-n', '-b', '16', gap, 'trim', '0', `${toSample(sec)}s`);
  const clipped = (db: number): string | undefined => (db > 0 ? `${fmtDb(-db)} to avoid clipping` : undefined);

  switch (edit.kind) {
    case 'remove': {
      const cutFrom = toSample(pauseMiddle(t, edit.line - 1));
      const cutTo = toSample(pauseMiddle(t, edit.line));
      await sox(source.wav, head, 'trim', '0s', `${cutFrom}s`);
      await sox(source.wav, tail, 'trim', `${cutTo}s`);
      await sox(head, tail, out);
      return { wav: out, ...editTruth(t, { kind: 'cut', line: edit.line, from: toSec(cutFrom), to: toSec(cutTo) }) };
    }
    case 'insert': {
      const c = clipAround(edit.donor.truth, edit.line);
      const at = toSample(pauseMiddle(t, edit.after));
      await sox(edit.donor.wav, clip, 'trim', `${c.from}s`, `${c.to - c.from}s`);
      await sox(source.wav, head, 'trim', '0s', `${at}s`);
      await sox(source.wav, tail, 'trim', `${at}s`);
      await sox(head, clip, tail, out);
      const change = { kind: 'splice', at: toSec(at), length: toSec(c.to - c.from), speech: c.speech, as: 'inserted' } as const;
      return { wav: out, ...editTruth(t, change) };
    }
    case 'intro':
    case 'intro-same-reader': {
      const donor = edit.kind === 'intro' ? edit.donor : source;
      const last = t.paragraphs.length - 1;
      const c =
        edit.kind === 'intro'
          ? edit.through !== undefined
            ? clipAcross(donor.truth, edit.line, edit.through)
            : clipAround(donor.truth, edit.line)
          : edit.from !== undefined && edit.from < last
            ? clipAcross(donor.truth, edit.from, last)
            : clipAround(donor.truth, last);
      await sox(donor.wav, clip, 'trim', `${c.from}s`, `${c.to - c.from}s`);
      await silence(INTRO_GAP_SEC);
      await sox(clip, gap, source.wav, out);
      const length = toSec(c.to - c.from + toSample(INTRO_GAP_SEC));
      return { wav: out, ...editTruth(t, { kind: 'splice', at: 0, length, speech: c.speech, as: 'preamble' }) };
    }
    case 'outro': {
      const c = edit.through !== undefined ? clipAcross(edit.donor.truth, edit.line, edit.through) : clipAround(edit.donor.truth, edit.line);
      await sox(edit.donor.wav, clip, 'trim', `${c.from}s`, `${c.to - c.from}s`);
      await silence(OUTRO_GAP_SEC);
      await sox(source.wav, gap, clip, out);
      const gapSec = toSec(toSample(OUTRO_GAP_SEC));
      const change = {
        kind: 'splice',
        at: toSec((await openWav(source.wav)).samples),
        length: gapSec + toSec(c.to - c.from),
        speech: { offset: gapSec + c.speech.offset, length: c.speech.length },
        as: 'outro',
      } as const;
      return { wav: out, ...editTruth(t, change) };
    }
    case 'tempo':
    case 'speed': {
      const effect = edit.kind === 'tempo' ? ['tempo', '-s', String(edit.factor)] : ['speed', String(edit.factor)];
      const db = await renderWithHeadroom([source.wav], ['gain', String(-HEADROOM_DB), ...effect], out);
      return { wav: out, ...editTruth(t, { kind: 'scale', factor: edit.factor }), note: clipped(db) };
    }
    case 'reverb':
    case 'lowpass': {
      const effect = edit.kind === 'reverb' ? ['reverb', String(edit.reverberance)] : ['sinc', `${edit.lowHz}-${edit.highHz}`];
      const db = await renderWithHeadroom([source.wav], ['gain', String(-HEADROOM_DB), ...effect], out);
      return { wav: out, truth: t, note: clipped(db) };
    }
    case 'noise': {
      const speechDb = await speechRmsDb(source.wav, t);
      const noise = `${base}-pink.wav`;
      const samples = (await openWav(source.wav)).samples;
      await sox('-r', String(PCM_SAMPLE_RATE), '-c', '1', '-n', '-b', '16', noise, 'synth', `${samples}s`, 'pinknoise');
      const noiseDb = (await levels(noise)).rmsDb;
      const down = 10 ** (-HEADROOM_DB / 20);
      const noiseVol = down * 10 ** ((speechDb - edit.snrDb - noiseDb) / 20);
      const db = await renderWithHeadroom(['-m', '-v', String(down), source.wav, '-v', noiseVol.toPrecision(6), noise], [], out);
      const note = [`speech ${speechDb.toFixed(1)} dBFS RMS, noise ${(speechDb - edit.snrDb).toFixed(1)} dBFS`, clipped(db)];
      return { wav: out, truth: t, note: note.filter(Boolean).join(', ') };
    }
    case 'gain': {
      const db = edit.db === 'max' ? CEILING_DB - (await levels(source.wav)).peakDb : edit.db;
      await sox(source.wav, out, 'gain', db.toFixed(3));
      return { wav: out, truth: t, note: fmtDb(db) };
    }
  }
}
