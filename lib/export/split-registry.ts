// Which split each group went to in this project's earlier exports with the same unit, seed and ratios. The
// next export keeps those groups where they were and balances only new groups by hours, so a split is both
// balanced by hours and stable when a book is added (dev/test stay unseen by models trained on old exports).
// Kept as a small JSON file per (project, unit, seed, ratios) under the data directory, written atomically.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getConfig } from '../config/env.ts';
import { writeFileAtomic } from '../storage/write-file-atomic.ts';
import { SPLITS, type Split } from '../corpus/split-corpus.ts';
import type { ExportSettings } from './export-settings.ts';

type RegistryKey = Pick<ExportSettings, 'projectId' | 'group' | 'seed' | 'ratios'>;

function registryFile(s: RegistryKey): string {
  const id = createHash('sha256')
    .update(JSON.stringify([s.projectId, s.group, s.seed, s.ratios.train, s.ratios.dev, s.ratios.test]))
    .digest('hex')
    .slice(0, 24);
  return path.join(getConfig().dataDir, 'splits', `${id}.json`);
}

export async function loadSplitRegistry(s: RegistryKey): Promise<Map<string, Split>> {
  try {
    const data = JSON.parse(await readFile(registryFile(s), 'utf8')) as { groups: Record<string, Split> };
    return new Map(Object.entries(data.groups).filter(([, v]) => SPLITS.includes(v)));
  } catch {
    return new Map();
  }
}

/** Adds the groups of a finished export to the registry (existing entries never change). */
export async function saveSplitRegistry(s: RegistryKey, groups: ReadonlyMap<string, Split>): Promise<void> {
  const merged = await loadSplitRegistry(s);
  for (const [k, v] of groups) if (!merged.has(k)) merged.set(k, v);
  const file = registryFile(s);
  const body = { projectId: s.projectId, group: s.group, seed: s.seed, ratios: s.ratios, groups: Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : 1))) };
  await writeFileAtomic(file, JSON.stringify(body));
}
