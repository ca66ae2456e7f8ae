// Test and bench helper: a long chapter of real speech. The real readings (real-es-fixture.ts, as 16 kHz WAV) are
// edited with sox (edit-real-recording.ts), one block of all of them per edit, and joined back to back, their
// truths moved along. Every other block runs in reverse order, so each join meets a different pair of readings.
import { execFile } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { openWav } from '../audio/wav-reader.ts';
import type { AlignmentTruth } from '../align/score-alignment.ts';
import { editRealRecording, type RecordingEdit, type RecordingWav } from './edit-real-recording.ts';

const run = promisify(execFile);

/** A reading (a RealRecording spread with its WAV fits). */
export type ReadingWav = RecordingWav & { lines: string[] };

export type JoinedChapter = {
  wav: string;
  truth: AlignmentTruth;
  /** Every line of the chapter, in order. */
  lines: string[];
  /** Per line: "recording:edit:line". */
  labels: string[];
  /** The chapter's line index of each reading's line k, per block: where reading `name`'s line k went. */
  linesOf: (name: string, line: number) => number[];
};

export async function joinRealRecordings(readings: ReadingWav[], blocks: RecordingEdit[], workDir: string, name = 'chapter'): Promise<JoinedChapter> {
  const parts: string[] = [];
  const paragraphs: AlignmentTruth['paragraphs'] = [];
  const lines: string[] = [];
  const labels: string[] = [];
  const starts = new Map<string, number[]>();
  let at = 0;
  for (const [k, edit] of blocks.entries()) {
    for (const r of k % 2 ? [...readings].reverse() : readings) {
      const edited = await editRealRecording(r, edit, workDir);
      // editRealRecording may reuse its output names: keep each part apart
      const wav = path.join(workDir, `${name}-part-${parts.length}.wav`);
      await copyFile(edited.wav, wav);
      parts.push(wav);
      starts.set(r.name, [...(starts.get(r.name) ?? []), lines.length]);
      paragraphs.push(...edited.truth.paragraphs.map((p) => ({ begin: p.begin + at, end: p.end + at })));
      lines.push(...r.lines);
      labels.push(...r.lines.map((_, i) => `${r.name}:${edit.kind}:${i}`));
      const info = await openWav(wav);
      at += info.samples / info.sampleRate;
    }
  }
  const wav = path.join(workDir, `${name}.wav`);
  await run('sox', [...parts, wav]);
  return {
    wav,
    truth: { duration: at, preamble: [0, 0], outro: [at, at], paragraphs },
    lines,
    labels,
    linesOf: (reading, line) => (starts.get(reading) ?? []).map((s) => s + line),
  };
}
