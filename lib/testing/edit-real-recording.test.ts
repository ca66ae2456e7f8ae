import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlignmentTruth, TruthSpan } from '../align/score-alignment.ts';
import { openWav, streamWavSamples } from '../audio/wav-reader.ts';
import { editRealRecording, editTruth, type RecordingEdit, type RecordingWav } from './edit-real-recording.ts';

const truth: AlignmentTruth = {
  duration: 5,
  preamble: [0, 0],
  outro: [5, 5],
  paragraphs: [
    { begin: 0.5, end: 1.5 },
    { begin: 2.1, end: 2.9 },
    { begin: 3.5, end: 4.5 },
  ],
};

describe('editTruth', () => {
  it('scales every time by 1 / factor (tempo, speed)', () => {
    expect(editTruth(truth, { kind: 'scale', factor: 1.25 }).truth).toEqual({
      duration: 4,
      preamble: [0, 0],
      outro: [4, 4],
      paragraphs: [
        { begin: 0.4, end: 1.2 },
        { begin: expect.closeTo(1.68, 9), end: expect.closeTo(2.32, 9) },
        { begin: 2.8, end: 3.6 },
      ],
    });
  });

  it('turns a cut-out line into a point at the cut and moves what follows back', () => {
    const { truth: t } = editTruth(truth, { kind: 'cut', line: 1, from: 1.8, to: 3.2 });
    expect(t.duration).toBeCloseTo(3.6, 9);
    expect(t.outro[0]).toBeCloseTo(3.6, 9);
    expect(t.paragraphs[0]).toEqual({ begin: 0.5, end: 1.5 });
    expect(t.paragraphs[1]).toEqual({ begin: 1.8, end: 1.8 });
    expect(t.paragraphs[2]!.begin).toBeCloseTo(2.1, 9);
    expect(t.paragraphs[2]!.end).toBeCloseTo(3.1, 9);
  });

  it('moves what follows an inserted line on and says where its speech lies', () => {
    const { truth: t, inserted } = editTruth(truth, {
      kind: 'splice',
      at: 1.8,
      length: 2,
      speech: { offset: 0.3, length: 1.4 },
      as: 'inserted',
    });
    expect(inserted!.begin).toBeCloseTo(2.1, 9);
    expect(inserted!.end).toBeCloseTo(3.5, 9);
    expect(t.paragraphs.map((p) => [p.begin, p.end])).toEqual([
      [0.5, 1.5],
      [4.1, 4.9],
      [5.5, 6.5],
    ]);
    expect([t.duration, t.preamble, t.outro]).toEqual([7, [0, 0], [7, 7]]);
  });

  it('makes a spliced-in intro the preamble and an outro the outro', () => {
    const intro = editTruth(truth, { kind: 'splice', at: 0, length: 3, speech: { offset: 0.2, length: 1.5 }, as: 'preamble' });
    expect(intro.truth.preamble).toEqual([0.2, 1.7]);
    expect(intro.truth.paragraphs[0]).toEqual({ begin: 3.5, end: 4.5 });
    expect([intro.truth.duration, intro.truth.outro]).toEqual([8, [8, 8]]);

    const outro = editTruth(truth, { kind: 'splice', at: 5, length: 2.5, speech: { offset: 1.2, length: 1 }, as: 'outro' });
    expect(outro.truth.outro).toEqual([6.2, 7.2]);
    expect(outro.truth.paragraphs).toEqual(truth.paragraphs);
    expect([outro.truth.duration, outro.truth.preamble]).toEqual([7.5, [0, 0]]);
  });

  it('extends a preamble or outro the recording already has', () => {
    const had: AlignmentTruth = { ...truth, preamble: [0.1, 0.3], outro: [4.7, 4.9] };
    expect(editTruth(had, { kind: 'splice', at: 0, length: 2, speech: { offset: 0.2, length: 1 }, as: 'preamble' }).truth.preamble).toEqual([0.2, 2.3]);
    expect(editTruth(had, { kind: 'splice', at: 5, length: 2, speech: { offset: 0.5, length: 1 }, as: 'outro' }).truth.outro).toEqual([4.7, 6.5]);
  });
});

// The sox side on a tiny generated "reading": three tones (the lines) in digital silence, shaped like `truth`.
describe('editRealRecording on generated audio', () => {
  const run = promisify(execFile);
  let dir: string;
  let source: RecordingWav;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-edit-real-test-'));
    const parts: string[] = [];
    const segment = async (sec: number, hz?: number) => {
      const file = path.join(dir, `part${parts.length}.wav`);
      const gen = hz ? ['synth', String(sec), 'sine', String(hz), 'vol', '0.5'] : ['trim', '0', String(sec)];
      await run('sox', ['-R', '-r', '16000', '-c', '1', '-n', '-b', '16', file, ...gen]);
      parts.push(file);
    };
    await segment(0.5);
    await segment(1, 300);
    await segment(0.6);
    await segment(0.8, 500);
    await segment(0.6);
    await segment(1, 700);
    await segment(0.5);
    const wav = path.join(dir, 'tones.wav');
    await run('sox', ['-R', ...parts, wav]);
    source = { name: 'tones', wav, truth };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** 10 ms frame RMS levels (dBFS) of a WAV. */
  async function frameDb(wav: string): Promise<number[]> {
    const out: number[] = [];
    let sum = 0;
    let n = 0;
    for await (const chunk of streamWavSamples(wav, { chunkSamples: 160 })) {
      for (const s of chunk) {
        sum += (s / 32768) ** 2;
        if (++n === 160) {
          out.push(10 * Math.log10(sum / n + 1e-12));
          sum = 0;
          n = 0;
        }
      }
    }
    return out;
  }
  /** Stretches above −40 dBFS (seconds). */
  async function loudSpans(wav: string): Promise<TruthSpan[]> {
    const spans: TruthSpan[] = [];
    (await frameDb(wav)).forEach((db, i) => {
      if (db < -40) return;
      const last = spans[spans.length - 1];
      if (last && Math.abs(last.end - i * 0.01) < 1e-9) last.end = (i + 1) * 0.01;
      else spans.push({ begin: i * 0.01, end: (i + 1) * 0.01 });
    });
    return spans;
  }
  const speechOf = (t: AlignmentTruth): TruthSpan[] =>
    [
      { begin: t.preamble[0], end: t.preamble[1] },
      ...t.paragraphs,
      { begin: t.outro[0], end: t.outro[1] },
    ].filter((s) => s.end > s.begin);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  it.each<[string, () => RecordingEdit]>([
    ['remove', () => ({ kind: 'remove', line: 1 })],
    ['tempo 0.8', () => ({ kind: 'tempo', factor: 0.8 })],
    ['tempo 1.25', () => ({ kind: 'tempo', factor: 1.25 })],
    ['speed 1.1', () => ({ kind: 'speed', factor: 1.1 })],
    ['intro', () => ({ kind: 'intro', donor: source, line: 1 })],
    ['outro', () => ({ kind: 'outro', donor: source, line: 0 })],
    ['intro-same-reader', () => ({ kind: 'intro-same-reader' })],
  ])('%s: the sound lies where the moved truth says, and the length matches', async (_, edit) => {
    const edited = await editRealRecording(source, edit(), dir);
    const spans = await loudSpans(edited.wav);
    const want = speechOf(edited.truth);
    expect(spans.length).toBe(want.length);
    spans.forEach((s, i) => {
      expect(Math.abs(s.begin - want[i]!.begin)).toBeLessThanOrEqual(0.03);
      expect(Math.abs(s.end - want[i]!.end)).toBeLessThanOrEqual(0.03);
    });
    expect(Math.abs((await openWav(edited.wav)).samples / 16_000 - edited.truth.duration)).toBeLessThan(0.002);
    if (edit().kind.startsWith('intro') || edit().kind === 'outro') expect(edited.inserted).toBeDefined();
  });

  it('intro through another line: both donor lines as read (their pause too) make the preamble, the text follows', async () => {
    const edited = await editRealRecording(source, { kind: 'intro', donor: source, line: 0, through: 1 }, dir);
    const spans = await loudSpans(edited.wav);
    const t = edited.truth;
    const [pre, text] = [spans.filter((s) => s.end <= t.preamble[1] + 0.03), spans.filter((s) => s.begin >= t.preamble[1] + 0.03)];
    expect(pre.length).toBe(2); // the donor's two lines, with their own pause between them
    expect(Math.abs(pre[0]!.begin - t.preamble[0])).toBeLessThanOrEqual(0.03);
    expect(Math.abs(pre[1]!.end - t.preamble[1])).toBeLessThanOrEqual(0.03);
    expect(t.preamble[1] - t.preamble[0]).toBeCloseTo(truth.paragraphs[1]!.end - truth.paragraphs[0]!.begin, 3);
    const want = speechOf({ ...t, preamble: [0, 0] });
    expect(text.length).toBe(want.length);
    text.forEach((s, i) => {
      expect(Math.abs(s.begin - want[i]!.begin)).toBeLessThanOrEqual(0.03);
      expect(Math.abs(s.end - want[i]!.end)).toBeLessThanOrEqual(0.03);
    });
    expect(Math.abs((await openWav(edited.wav)).samples / 16_000 - t.duration)).toBeLessThan(0.002);
  });

  it('mixes noise at the asked SNR relative to the speech', async () => {
    const edited = await editRealRecording(source, { kind: 'noise', snrDb: 10 }, dir);
    const db = await frameDb(edited.wav);
    const power = (from: number, to: number) => mean(db.slice(from * 100, to * 100).map((d) => 10 ** (d / 10)));
    const speech = power(0.6, 1.4); // tone + noise
    const noise = power(1.6, 2.0);
    const snr = 10 * Math.log10((speech - noise) / noise);
    expect(snr).toBeGreaterThan(9);
    expect(snr).toBeLessThan(11);
    expect(edited.truth).toEqual(truth);
  });

  it('gain: −20 dB, or up to just below clipping', async () => {
    const peak = async (wav: string) => Math.max(...(await frameDb(wav)));
    const before = await peak(source.wav);
    expect((await peak((await editRealRecording(source, { kind: 'gain', db: -20 }, dir)).wav)) - before).toBeCloseTo(-20, 1);
    const loud = await editRealRecording(source, { kind: 'gain', db: 'max' }, dir);
    // A sine's RMS is 3 dB below its peak.
    expect(await peak(loud.wav)).toBeCloseTo(-0.1 - 3.01, 1);
  });
});
