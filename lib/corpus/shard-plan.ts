// Shards are planned before anything is written: a record's size is known from its metadata (sample count,
// texts, targets — speechExampleByteLength + TFRECORD_OVERHEAD), so the shard count M, which every file name
// carries (`train-00003-of-00012.tfrecord`, the TF convention, 0-based), is known up front and each shard is
// written once under its final name (via a temp file). The plan only decides which examples go where; if an
// actual size differed, a shard would just be a little larger or smaller, never misnamed.
//
// Cutting: M = ceil(total / target) shards, each cut at the example boundary nearest to an equal share of
// the bytes, so shards are about equal and none exceeds the target by more than one example.
import { AppError } from '../errors/app-error.ts';

export const DEFAULT_SHARD_BYTES = 150_000_000;

export type PlanShardsOptions = {
  /** Used in the file names: `{prefix}{split}-NNNNN-of-MMMMM{extension}`. */
  split: string;
  targetBytes?: number;
  /** E.g. `"my_problem-"` for tensor2tensor's `<problem>-train-000NN-of-000MM`. Default "". */
  prefix?: string;
  /** Default ".tfrecord". */
  extension?: string;
};

export type PlannedShard = {
  file: string;
  index: number;
  /** Examples [first, end) of the input order. */
  first: number;
  end: number;
  /** Sum of the planned record sizes. */
  bytes: number;
};

export function shardFileName(split: string, index: number, count: number, prefix = '', extension = '.tfrecord'): string {
  const pad = (n: number) => String(n).padStart(5, '0');
  return `${prefix}${split}-${pad(index)}-of-${pad(count)}${extension}`;
}

/** Shards for records of the given sizes (in write order). No records → no shards. */
export function planShards(recordBytes: readonly number[], opts: PlanShardsOptions): PlannedShard[] {
  const target = opts.targetBytes ?? DEFAULT_SHARD_BYTES;
  if (!(target > 0)) throw new AppError('INVALID_INPUT', `Shard size must be positive (got ${target}).`);
  const n = recordBytes.length;
  const prefixSum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const b = recordBytes[i]!;
    if (!(b >= 0)) throw new AppError('INVALID_INPUT', `Record ${i} has size ${b}.`);
    prefixSum[i + 1] = prefixSum[i]! + b;
  }
  if (n === 0) return [];
  const total = prefixSum[n]!;
  const count = Math.min(n, Math.max(1, Math.ceil(total / target)));

  // Boundary k (1..count-1) at the prefix sum nearest k·total/count, leaving ≥ 1 example per shard.
  const cuts = [0];
  for (let k = 1; k < count; k++) {
    const goal = (k * total) / count;
    let lo = cuts[k - 1]! + 1;
    let hi = n - (count - k);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (prefixSum[mid]! < goal) lo = mid + 1;
      else hi = mid;
    }
    // lo: first boundary with prefix ≥ goal (clamped); the one before may be nearer.
    if (lo - 1 > cuts[k - 1]! && goal - prefixSum[lo - 1]! <= prefixSum[lo]! - goal) lo--;
    cuts.push(lo);
  }
  cuts.push(n);

  return cuts.slice(0, -1).map((first, index) => {
    const end = cuts[index + 1]!;
    return {
      file: shardFileName(opts.split, index, count, opts.prefix, opts.extension),
      index,
      first,
      end,
      bytes: prefixSum[end]! - prefixSum[first]!,
    };
  });
}
