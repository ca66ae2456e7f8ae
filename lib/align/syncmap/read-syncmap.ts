// One entry point for every import format; each format has its own reader file. Malformed input raises
// AppError INVALID_INPUT naming the format and the line.
import { readAeneasJson } from './read-aeneas-json.ts';
import { readAudacityLabels } from './read-audacity-labels.ts';
import { readCsv } from './read-csv.ts';
import { readSmil } from './read-smil.ts';
import { readSrt } from './read-srt.ts';
import { readTextGrid } from './read-textgrid.ts';
import { readTsv } from './read-tsv.ts';
import { readVtt } from './read-vtt.ts';
import type { SyncMap, SyncMapFormat } from './syncmap-types.ts';

export { detectSyncMapFormat } from './detect-syncmap-format.ts';

export function readSyncMap(text: string, format: SyncMapFormat): SyncMap {
  switch (format) {
    case 'json':
      return readAeneasJson(text);
    case 'smil':
      return readSmil(text);
    case 'srt':
      return readSrt(text);
    case 'vtt':
      return readVtt(text);
    case 'csv':
      return readCsv(text);
    case 'tsv':
      return readTsv(text);
    case 'aud':
      return readAudacityLabels(text);
    case 'textgrid':
      return readTextGrid(text);
  }
}
