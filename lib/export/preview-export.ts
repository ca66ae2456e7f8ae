// What an export with these settings would contain, from the database alone (fast: no audio is read).
import { SPLITS, type Split } from '../corpus/split-corpus.ts';
import type { ExportSettings } from './export-settings.ts';
import { selectExamples, splitStats, type ExcludedCounts, type SplitStats } from './select-examples.ts';

export type ExportPreview = {
  splits: Record<Split, SplitStats & { share: number; target: number }>;
  total: { examples: number; hours: number; speakers: number; groups: number };
  excluded: ExcludedCounts;
  warnings: string[];
};

/** Points (of 100) a split's share of hours may be off its ratio before the preview warns. */
export const SHARE_TOLERANCE_POINTS = 5;

export async function previewExport(settings: ExportSettings): Promise<ExportPreview> {
  const sel = await selectExamples(settings);
  const stats = splitStats(sel.examples);
  const totalSec = SPLITS.reduce((a, s) => a + stats[s].seconds, 0);
  const ratioSum = SPLITS.reduce((a, s) => a + settings.ratios[s], 0);
  const warnings: string[] = [];
  const splits = {} as ExportPreview['splits'];
  for (const s of SPLITS) {
    const target = (100 * settings.ratios[s]) / ratioSum;
    const share = totalSec > 0 ? (100 * stats[s].seconds) / totalSec : 0;
    splits[s] = { ...stats[s], share: Math.round(share * 10) / 10, target: Math.round(target * 10) / 10 };
    if (sel.examples.length === 0) continue;
    if (target > 0 && stats[s].examples === 0) {
      warnings.push(`The ${s} split is empty: there are too few ${settings.group}s to split. Group by a smaller unit or change the seed.`);
    } else if (Math.abs(share - target) > SHARE_TOLERANCE_POINTS) {
      warnings.push(
        `The ${s} split holds ${share.toFixed(1)} % of the hours, not ${target.toFixed(0)} %: ${settings.group}s are assigned whole. ` +
          'Try another seed or a smaller grouping unit.',
      );
    }
  }
  if (sel.examples.length === 0) warnings.push('No fragment passes the filters: approve fragments or widen the filters.');
  return {
    splits,
    total: {
      examples: sel.examples.length,
      hours: Math.round((totalSec / 3600) * 1e4) / 1e4,
      speakers: new Set(sel.examples.map((e) => e.speakerId)).size,
      groups: sel.groups.size,
    },
    excluded: sel.excluded,
    warnings,
  };
}
