// Hostile input (issue #10): a ZIP whose entry names climb out of the folder it is unpacked into ("zip-slip").
import { buildTestZip } from '../../text/test-zip.ts';

export const ZIP_SLIP_ENTRY = '../../../../evil.wav';

export function buildZipSlip(): Uint8Array {
  const bytes = new Uint8Array(64);
  return buildTestZip([
    { name: '01.wav', data: bytes },
    { name: ZIP_SLIP_ENTRY, data: bytes },
  ]);
}
