// Splits the book's paragraphs into one part per audio file. LibriVox sections usually follow chapters, so
// chapter headings are the first choice; otherwise parts get text in proportion to their audio duration.
import { AppError } from '../errors/app-error.ts';
import type { Paragraph } from './ebook-types.ts';

/** Checks the split invariants: starts[0] is 0, strictly increasing, every part non-empty. */
function assertValidStarts(starts: number[], paragraphCount: number, end = paragraphCount): void {
  // part 1 may start after front matter, and the last part end before back matter (`end`: the paragraph after it)
  const ok =
    starts.length >= 1 &&
    Number.isInteger(end) &&
    end <= paragraphCount &&
    starts.every((s, i) => Number.isInteger(s) && s >= 0 && s < end && (i === 0 || s > (starts[i - 1] ?? 0)));
  if (!ok) {
    throw new AppError(
      'INVALID_INPUT',
      `Invalid split [${starts.join(', ')}] ending at ${end} for ${paragraphCount} paragraphs: each part must start after the ` +
        'previous one and hold at least one paragraph; reload the split and try again.',
      { starts, end, paragraphCount },
    );
  }
}

/** First paragraph of each run of consecutive headings ("PARTE PRIMERA" + "CAPÍTULO I" is one cut). */
function headingRuns(paragraphs: Paragraph[]): number[] {
  const runs: number[] = [];
  paragraphs.forEach((p, i) => {
    if (p.kind === 'heading' && (i === 0 || paragraphs[i - 1]?.kind !== 'heading')) runs.push(i);
  });
  return runs;
}

/**
 * Picks `cuts` strictly increasing cut points from `candidates` (sorted paragraph indices > 0) minimising the
 * squared distance of each cut's cumulative character count from its target, minus `bonus(c)`.
 */
function chooseCuts(
  candidates: number[],
  cuts: number,
  cost: (k: number, candidate: number) => number,
): number[] {
  const m = candidates.length;
  // best[k][j]: least cost placing cuts 0..k with cut k at candidates[j]; from[k][j]: index of cut k-1.
  const best: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let k = 0; k < cuts; k++) {
    const row = new Float64Array(m).fill(Infinity);
    const back = new Int32Array(m).fill(-1);
    let prefixMin = Infinity;
    let prefixArg = -1;
    for (let j = 0; j < m; j++) {
      if (k > 0 && j > 0) {
        const prev = best[k - 1]![j - 1]!;
        if (prev < prefixMin) {
          prefixMin = prev;
          prefixArg = j - 1;
        }
      }
      const before = k === 0 ? 0 : prefixMin;
      if (before === Infinity) continue;
      row[j] = before + cost(k, candidates[j]!);
      back[j] = k === 0 ? -1 : prefixArg;
    }
    best.push(row);
    from.push(back);
  }
  let j = -1;
  let min = Infinity;
  best[cuts - 1]!.forEach((v, i) => {
    if (v < min) {
      min = v;
      j = i;
    }
  });
  const chosen: number[] = [];
  for (let k = cuts - 1; k >= 0; k--) {
    chosen.unshift(candidates[j]!);
    j = from[k]![j]!;
  }
  return chosen;
}

export function proposeSplit(paragraphs: Paragraph[], parts: number, opts: { weights?: number[] } = {}): number[] {
  if (!Number.isInteger(parts) || parts < 1) {
    throw new AppError('INVALID_INPUT', `Cannot split into ${parts} parts: the book needs at least one audio file.`);
  }
  const n = paragraphs.length;
  if (n < parts) {
    throw new AppError(
      'INVALID_INPUT',
      `The ebook has ${n} paragraph${n === 1 ? '' : 's'} but the book has ${parts} audio files: every audio file ` +
        'needs at least one paragraph. Check that the ebook is complete, or remove audio files that do not belong.',
      { paragraphs: n, parts },
    );
  }
  const weights = opts.weights ?? new Array<number>(parts).fill(1);
  if (weights.length !== parts || weights.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new AppError('INVALID_INPUT', `Expected ${parts} non-negative audio durations, got [${weights.join(', ')}].`);
  }
  if (parts === 1) return [0];

  const runs = headingRuns(paragraphs);
  const inner = runs.filter((r) => r > 0);
  // A heading at paragraph 0 starts part 1 anyway; otherwise the text before the first heading is a preface.
  const preface = runs[0] !== 0 && runs.length > 0;
  if (inner.length === parts - 1) return [0, ...inner];
  if (preface && inner.length === parts) return [0, ...inner.slice(1)]; // preface joins the first chapter

  // Cumulative characters before each paragraph, and the targets from the durations.
  const cum = new Float64Array(n + 1);
  paragraphs.forEach((p, i) => {
    cum[i + 1] = (cum[i] ?? 0) + p.text.length + 1;
  });
  const total = cum[n] ?? 1;
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const targets: number[] = [];
  let acc = 0;
  for (let k = 0; k < parts - 1; k++) {
    acc += weightSum > 0 ? (weights[k] ?? 0) / weightSum : 1 / parts;
    targets.push(acc);
  }
  const deviation = (k: number, c: number) => ((cum[c] ?? 0) / total - (targets[k] ?? 0)) ** 2;

  if (inner.length >= parts - 1) return [0, ...chooseCuts(inner, parts - 1, deviation)];

  // Too few headings: any paragraph boundary, with headings preferred when within ~30 % of a mean part of the target.
  const isHeadingStart = new Set(inner);
  const bonus = (0.3 / parts) ** 2;
  const all = Array.from({ length: n - 1 }, (_, i) => i + 1);
  return [0, ...chooseCuts(all, parts - 1, (k, c) => deviation(k, c) - (isHeadingStart.has(c) ? bonus : 0))];
}

/**
 * Moves the start of part `partIndex` to paragraph `newStart`. Part 1's start can move too (the paragraphs before
 * it, front matter, are then left out of every chapter); `end` is the paragraph after the last part (back matter
 * from there on is left out; default: none).
 */
export function moveSplitBoundary(starts: number[], partIndex: number, newStart: number, paragraphCount: number, end = paragraphCount): number[] {
  assertValidStarts(starts, paragraphCount, end);
  if (!Number.isInteger(partIndex) || partIndex < 0 || partIndex >= starts.length) {
    throw new AppError('INVALID_INPUT', `There is no part ${partIndex + 1}: the split has ${starts.length} parts.`, { partIndex });
  }
  const low = partIndex === 0 ? 0 : starts[partIndex - 1]! + 1;
  const high = (starts[partIndex + 1] ?? end) - 1;
  if (!Number.isInteger(newStart) || newStart < low || newStart > high) {
    throw new AppError(
      'INVALID_INPUT',
      `Part ${partIndex + 1} can start at paragraphs ${low + 1}–${high + 1} only, so that its neighbours keep at ` +
        'least one paragraph each.',
      { partIndex, newStart, low, high },
    );
  }
  const next = [...starts];
  next[partIndex] = newStart;
  return next;
}

/**
 * The new end of the split (the paragraph after the last part) when the last part ends at paragraph
 * `lastParagraph` (0-based, inclusive): the paragraphs after it, back matter, are left out of every chapter.
 */
export function moveSplitEnd(starts: number[], lastParagraph: number, paragraphCount: number, end = paragraphCount): number {
  assertValidStarts(starts, paragraphCount, end);
  const low = starts.at(-1)!;
  const high = paragraphCount - 1;
  if (!Number.isInteger(lastParagraph) || lastParagraph < low || lastParagraph > high) {
    throw new AppError(
      'INVALID_INPUT',
      `The last part can end at paragraphs ${low + 1}–${high + 1} only, so that it keeps at least one paragraph.`,
      { lastParagraph, low, high },
    );
  }
  return lastParagraph + 1;
}
