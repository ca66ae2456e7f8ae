// What an export takes: which fragments (filters), how they are split, which formats. Validated once at the
// edges (API body, job payload, CLI flags); dataset.json records the parsed settings.
import { z } from 'zod';
import { FRAGMENT_STATUSES } from '../chapter-alignment/fragment-status.ts';

export const EXPORT_FORMATS = ['tfrecord', 'librispeech', 'jsonl'] as const;
export const EXPORT_GROUPS = ['fragment', 'chapter', 'book', 'speaker'] as const;
/** What one example is: a whole paragraph, or each sentence of it (see example-spans.ts). */
export const EXPORT_UNITS = ['paragraph', 'sentence'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportGroup = (typeof EXPORT_GROUPS)[number];
export type ExportUnit = (typeof EXPORT_UNITS)[number];

const ratio = z.number().min(0).max(100);

export const exportFiltersSchema = z
  .object({
    statuses: z.array(z.enum(FRAGMENT_STATUSES)).min(1).default(['approved']),
    /** Seconds, on the example's aligned span (a paragraph's or a sentence's, before padding). */
    minDuration: z.number().min(0).default(1),
    maxDuration: z.number().positive().default(20),
    /** Normalised characters per second; drops fragments whose text cannot fit their audio. */
    maxCharsPerSec: z.number().positive().optional(),
    /** 0..1; fragments without a confidence fail this filter. With unit 'sentence', a sentence's own confidence
     * when stored, else its paragraph's. */
    minConfidence: z.number().min(0).max(1).optional(),
  })
  .refine((f) => f.minDuration < f.maxDuration, { message: 'minDuration must be below maxDuration', path: ['minDuration'] });

export const exportSettingsSchema = z
  .object({
    projectId: z.string().min(1),
    /** Only these books of the project (default: all). */
    bookIds: z.array(z.string().min(1)).min(1).optional(),
    filters: exportFiltersSchema.default({ statuses: ['approved'], minDuration: 1, maxDuration: 20 }),
    /** Relative weights of train/dev/test (normalised; 60/20/20 by default). */
    ratios: z
      .object({ train: ratio, dev: ratio, test: ratio })
      .refine((r) => r.train + r.dev + r.test > 0, { message: 'ratios must not all be 0' })
      .default({ train: 60, dev: 20, test: 20 }),
    /** The unit that never straddles splits ('fragment': the paragraph, with all its sentences). */
    group: z.enum(EXPORT_GROUPS).default('chapter'),
    /** One example per paragraph, or per sentence of each selected paragraph (filters then apply per sentence). */
    unit: z.enum(EXPORT_UNITS).default('paragraph'),
    /** Also export fragments of kind heading ("CAPÍTULO I"): left out by default (counted in excluded.heading). */
    includeHeadings: z.boolean().default(false),
    seed: z.number().int().min(0).max(2 ** 31).default(1),
    formats: z
      .array(z.enum(EXPORT_FORMATS))
      .min(1)
      .default([...EXPORT_FORMATS])
      .transform((f) => EXPORT_FORMATS.filter((x) => f.includes(x))),
    /** Also write tensor2tensor-style shards (tfrecord-t2t/). */
    t2t: z.boolean().default(false),
    /** GZIP the TFRecord shards (compression_type='GZIP'). */
    gzip: z.boolean().default(false),
    shardMB: z.number().min(0.01).max(4096).default(150),
    /** Silence margin around each utterance, never into a neighbouring fragment. */
    padMs: z.number().int().min(0).max(2000).default(0),
  })
  .refine((s) => !s.formats.includes('jsonl') || s.formats.includes('librispeech'), {
    message: 'jsonl manifests point to the LibriSpeech FLAC files: select librispeech too',
    path: ['formats'],
  });

export type ExportSettingsInput = z.input<typeof exportSettingsSchema>;
export type ExportSettings = z.output<typeof exportSettingsSchema>;

/** Parses user input; throws ZodError (mapped to INVALID_INPUT by the routes). */
export function parseExportSettings(input: unknown): ExportSettings {
  return exportSettingsSchema.parse(input);
}

/** "60/20/20" → { train: 60, dev: 20, test: 20 } (the CLI's --split). */
export function parseSplitRatios(s: string): { train: number; dev: number; test: number } {
  const parts = s.split(/[/:,]/).map((x) => Number(x.trim()));
  if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x) || x < 0)) {
    throw new Error(`--split "${s}" must be three numbers like 60/20/20.`);
  }
  return { train: parts[0]!, dev: parts[1]!, test: parts[2]! };
}
