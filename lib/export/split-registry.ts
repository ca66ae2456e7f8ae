// Which split each group went to in this project's earlier exports with the same unit, seed and ratios. The
// next export keeps those groups where they were and balances only new groups by hours, so a split is both
// balanced by hours and stable when a book is added (dev/test stay unseen by models trained on old exports).
// Kept as a small JSON file per (project, unit, seed, ratios) in storage (splits/<hash>.json, published whole), so
// every worker sees the splits of exports made on other machines. One written under the data directory before
// that (<dataDir>/splits/<hash>.json) is still read, and moved into storage at the next save.
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { getConfig } from '../config/env.ts';
import { getStorage } from '../storage/storage.ts';
import { SPLITS, type Split } from '../corpus/split-corpus.ts';
import type { ExportSettings } from './export-settings.ts';

type RegistryKey = Pick<ExportSettings, 'projectId' | 'group' | 'seed' | 'ratios'>;

function registryId(s: RegistryKey): string {
  return createHash('sha256')
    .update(JSON.stringify([s.projectId, s.group, s.seed, s.ratios.train, s.ratios.dev, s.ratios.test]))
    .digest('hex')
    .slice(0, 24);
}

const registryKey = (s: RegistryKey) => `splits/${registryId(s)}.json`;
const legacyRegistryFile = (s: RegistryKey) => path.join(getConfig().dataDir, 'splits', `${registryId(s)}.json`);

async function readRegistryText(s: RegistryKey): Promise<string | null> {
  try {
    return (await getStorage().readAll(registryKey(s))).toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  return readFile(legacyRegistryFile(s), 'utf8').catch(() => null);
}

export async function loadSplitRegistry(s: RegistryKey): Promise<Map<string, Split>> {
  const text = await readRegistryText(s);
  try {
    const data = JSON.parse(text ?? '{"groups":{}}') as { groups: Record<string, Split> };
    return new Map(Object.entries(data.groups).filter(([, v]) => SPLITS.includes(v)));
  } catch {
    return new Map(); // a damaged registry: the split is balanced afresh
  }
}

/** Adds the groups of a finished export to the registry (existing entries never change). */
export async function saveSplitRegistry(s: RegistryKey, groups: ReadonlyMap<string, Split>): Promise<void> {
  const merged = await loadSplitRegistry(s);
  for (const [k, v] of groups) if (!merged.has(k)) merged.set(k, v);
  const body = { projectId: s.projectId, group: s.group, seed: s.seed, ratios: s.ratios, groups: Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : 1))) };
  await getStorage().putStream(registryKey(s), Readable.from([Buffer.from(JSON.stringify(body))]));
  await rm(legacyRegistryFile(s), { force: true });
}
