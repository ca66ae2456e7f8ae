// The export form's fields (strings, as the inputs hold them) and the export settings they stand for, both ways:
// the form starts from the project's last export's settings (stored with that export), else from defaults.
import type { ExportSettings } from '@/lib/export/export-settings.ts';

export type FormState = {
  bookIds: string[];
  statuses: string[];
  minDuration: string;
  maxDuration: string;
  maxCharsPerSec: string;
  minConfidence: string;
  train: string;
  dev: string;
  test: string;
  group: string;
  unit: string;
  includeHeadings: boolean;
  seed: string;
  formats: string[];
  t2t: boolean;
  gzip: boolean;
  shardMB: string;
  padMs: string;
};

const DEFAULTS: Omit<FormState, 'bookIds'> = {
  statuses: ['approved'],
  minDuration: '1',
  maxDuration: '20',
  maxCharsPerSec: '',
  minConfidence: '',
  train: '60',
  dev: '20',
  test: '20',
  group: 'chapter',
  unit: 'paragraph',
  includeHeadings: false,
  seed: '1',
  formats: ['tfrecord', 'librispeech', 'jsonl'],
  t2t: false,
  gzip: false,
  shardMB: '150',
  padMs: '0',
};

const str = (n: number | undefined) => (n === undefined ? '' : String(n));

/** The form as `last` (the project's newest export's settings) left it; books no longer there are dropped. */
export function formFromSettings(last: ExportSettings | undefined, books: { id: string }[]): FormState {
  const all = books.map((b) => b.id);
  if (!last) return { ...DEFAULTS, bookIds: all };
  const kept = last.bookIds?.filter((id) => all.includes(id)) ?? [];
  return {
    bookIds: kept.length > 0 ? kept : all,
    statuses: [...last.filters.statuses],
    minDuration: str(last.filters.minDuration),
    maxDuration: str(last.filters.maxDuration),
    maxCharsPerSec: str(last.filters.maxCharsPerSec),
    minConfidence: str(last.filters.minConfidence),
    train: str(last.ratios.train),
    dev: str(last.ratios.dev),
    test: str(last.ratios.test),
    group: last.group,
    unit: last.unit,
    // exports stored before the option had no headings to leave out
    includeHeadings: last.includeHeadings ?? false,
    seed: str(last.seed),
    formats: [...last.formats],
    t2t: last.t2t,
    gzip: last.gzip,
    shardMB: str(last.shardMB),
    padMs: str(last.padMs),
  };
}

/** The body of a preview or export request (the API parses it with the export settings schema). */
export function toSettings(f: FormState, allBooks: number) {
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  return {
    bookIds: f.bookIds.length === allBooks ? undefined : f.bookIds,
    filters: {
      statuses: f.statuses,
      minDuration: num(f.minDuration) ?? 0,
      maxDuration: num(f.maxDuration) ?? 20,
      maxCharsPerSec: num(f.maxCharsPerSec),
      minConfidence: num(f.minConfidence),
    },
    ratios: { train: num(f.train) ?? 0, dev: num(f.dev) ?? 0, test: num(f.test) ?? 0 },
    group: f.group,
    unit: f.unit,
    includeHeadings: f.includeHeadings,
    seed: num(f.seed) ?? 1,
    formats: f.formats,
    t2t: f.t2t,
    gzip: f.gzip,
    shardMB: num(f.shardMB) ?? 150,
    padMs: num(f.padMs) ?? 0,
  };
}
