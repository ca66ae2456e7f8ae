// `alinea export PROJECT --out DIR …`: flags → settings, the export run in this process, a one-line summary.
import { ZodError } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { formatZodError } from '../errors/format-zod-error.ts';
import { getDb } from '../db/client.ts';
import { SPLITS } from '../corpus/split-corpus.ts';
import { parseExportSettings, parseSplitRatios } from './export-settings.ts';
import { runExport } from './run-export.ts';

export type ExportCliOptions = {
  project: string;
  out: string;
  split?: string;
  group?: string;
  unit?: string;
  seed?: string;
  formats?: string;
  status?: string;
  minDuration?: string;
  maxDuration?: string;
  shardMB?: string;
  padMs?: string;
  gzip?: boolean;
  t2t?: boolean;
  includeHeadings?: boolean;
  log?: (message: string) => void;
  signal?: AbortSignal;
};

const list = (s: string | undefined) => (s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter(Boolean));
const num = (s: string | undefined, flag: string) => {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) throw new AppError('INVALID_INPUT', `${flag} "${s}" is not a number.`);
  return n;
};

export async function exportProjectCli(o: ExportCliOptions) {
  const db = getDb();
  const project = (await db.project.findUnique({ where: { name: o.project } })) ?? (await db.project.findUnique({ where: { id: o.project } }));
  if (!project) throw new AppError('NOT_FOUND', `No project named "${o.project}". List them in the app, or pass the project id.`);
  const minDuration = num(o.minDuration, '--min-duration');
  const maxDuration = num(o.maxDuration, '--max-duration');
  let settings;
  try {
    settings = parseExportSettings({
      projectId: project.id,
      filters: {
        statuses: list(o.status) ?? ['approved'],
        ...(minDuration !== undefined ? { minDuration } : {}),
        ...(maxDuration !== undefined ? { maxDuration } : {}),
      },
      ratios: o.split ? parseSplitRatios(o.split) : undefined,
      group: o.group,
      unit: o.unit,
      includeHeadings: o.includeHeadings ?? false,
      seed: num(o.seed, '--seed'),
      formats: list(o.formats),
      t2t: o.t2t ?? false,
      gzip: o.gzip ?? false,
      shardMB: num(o.shardMB, '--shard-mb'),
      padMs: num(o.padMs, '--pad-ms'),
    });
  } catch (e) {
    if (e instanceof ZodError) throw new AppError('INVALID_INPUT', formatZodError(e));
    throw new AppError('INVALID_INPUT', (e as Error).message);
  }
  let lastLog = 0;
  const stats = await runExport({
    settings,
    dir: o.out,
    signal: o.signal,
    progress: (f, m) => {
      const now = Date.now();
      if (now - lastLog > 2000 || f >= 1) {
        lastLog = now;
        o.log?.(`[${Math.round(f * 100)}%] ${m}`);
      }
    },
  });
  return {
    out: o.out,
    unit: settings.unit,
    examples: stats.examples,
    hours: stats.hours,
    splits: Object.fromEntries(SPLITS.map((s) => [s, { examples: stats.splits[s].examples, hours: stats.splits[s].hours }])),
    /** Headings left out (0 with --include-headings). */
    headingsLeftOut: stats.excluded.heading ?? 0,
    shards: stats.shards,
    reusedShards: stats.reused.shards,
    seconds: stats.seconds,
  };
}
