// Hostile input (issue #10): a ZIP of `entries` entries of silence, each just under `entryBytes`: deflate shrinks
// them about 1000×, so 12 entries of 1 MB are a 12 KB upload that would unpack to 12 MB.
import { buildTestZip } from '../../text/test-zip.ts';

export function buildZipBomb(entries: number, entryBytes: number): Uint8Array {
  return buildTestZip(
    Array.from({ length: entries }, (_, i) => ({ name: `part_${String(i).padStart(2, '0')}.wav`, data: new Uint8Array(entryBytes - 1), deflate: true })),
  );
}
