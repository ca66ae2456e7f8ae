// TFRecord files for the reader and writer tests (lib/corpus): records of awkward sizes, and a file written with
// TFRecordWriter.
import { TFRecordWriter } from '../corpus/tfrecord-writer.ts';

/** Records of sizes around the reader's 1 MiB chunk boundaries, empty ones included, each with its own bytes. */
export function tfrecordTestRecords(): Uint8Array[] {
  const sizes = [0, 1, 14, 1000, (1 << 20) - 7, 3 << 20, 5, 0, 65_536];
  return sizes.map((n, k) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + k * 7) & 0xff));
}

/** Writes `recs` to `file` (gzip-compressed with `gzip`); returns what TFRecordWriter.close() says of it. */
export async function writeTFRecordFile(file: string, recs: Uint8Array[], gzip = false) {
  const w = new TFRecordWriter(file, { gzip });
  for (const r of recs) await w.write(r);
  return w.close();
}
