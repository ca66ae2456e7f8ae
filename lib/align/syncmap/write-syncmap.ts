// One entry point for every export format; each format has its own writer file.
import { AppError } from '../../errors/app-error.ts';
import type { SyncFragment, SyncMap, SyncMapFormat } from './syncmap-types.ts';
import { writeAeneasJson } from './write-aeneas-json.ts';
import { writeAudacityLabels } from './write-audacity-labels.ts';
import { writeCsv } from './write-csv.ts';
import { writeSmil } from './write-smil.ts';
import { writeSrt } from './write-srt.ts';
import { writeTextGrid } from './write-textgrid.ts';
import { writeTsv } from './write-tsv.ts';
import { writeVtt } from './write-vtt.ts';

export type WriteSyncMapOptions = {
  /** SMIL: the audio file the clips point into (required for SMIL). */
  audioRef?: string;
  /** SMIL: the XHTML page whose element ids are the fragment ids (required for SMIL). */
  textRef?: string;
  /** JSON: language code for fragments without one (e.g. "spa"). */
  language?: string;
};

/** Times must be finite, non-negative and in order: a NaN would be written as "NaN" by every format. */
function checkTimes(fragments: readonly SyncFragment[]): void {
  for (const f of fragments) {
    if (!Number.isFinite(f.begin) || !Number.isFinite(f.end) || f.begin < 0 || f.end < f.begin) {
      throw new AppError(
        'INVALID_INPUT',
        `Fragment ${f.id} has invalid times (begin ${f.begin}, end ${f.end}); times must be seconds ≥ 0 with begin ≤ end.`,
        { id: f.id, begin: f.begin, end: f.end },
      );
    }
    if (f.children) checkTimes(f.children);
  }
}

export function writeSyncMap(map: SyncMap, format: SyncMapFormat, opts: WriteSyncMapOptions = {}): string {
  checkTimes(map.fragments);
  switch (format) {
    case 'json':
      return writeAeneasJson(map, { language: opts.language });
    case 'smil':
      return writeSmil(map, { audioRef: opts.audioRef, textRef: opts.textRef });
    case 'srt':
      return writeSrt(map);
    case 'vtt':
      return writeVtt(map);
    case 'csv':
      return writeCsv(map);
    case 'tsv':
      return writeTsv(map);
    case 'aud':
      return writeAudacityLabels(map);
    case 'textgrid':
      return writeTextGrid(map);
  }
}
