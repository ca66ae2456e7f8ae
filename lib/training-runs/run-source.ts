// What a run was trained on, as people name it: the project, and the export by its date and what it holds (exports
// have no name of their own: "approved+edited · 60/20/20 by chapter · 1.25 h").

export type RunSource = { projectId: string; projectName: string; exportId: string; exportCreatedAt: string; exportSummary: string };

type ExportRow = { id: string; createdAt: Date; settings: string; stats: string | null; project: { id: string; name: string } };

export function runSource(exp: ExportRow): RunSource {
  const s = parseJson(exp.settings) as {
    unit?: string;
    group?: string;
    filters?: { statuses?: string[] };
    ratios?: { train: number; dev: number; test: number };
  } | null;
  const stats = parseJson(exp.stats) as { hours?: number; examples?: number } | null;
  const parts = [
    s?.filters?.statuses?.length ? s.filters.statuses.join('+') : null,
    s?.unit === 'sentence' ? 'sentences' : null,
    s?.ratios ? `${s.ratios.train}/${s.ratios.dev}/${s.ratios.test}${s.group ? ` by ${s.group}` : ''}` : null,
    typeof stats?.hours === 'number' ? `${stats.hours.toFixed(2)} h` : null,
    typeof stats?.examples === 'number' ? `${stats.examples} examples` : null,
  ].filter((p): p is string => p !== null);
  return {
    projectId: exp.project.id,
    projectName: exp.project.name,
    exportId: exp.id,
    exportCreatedAt: exp.createdAt.toISOString(),
    exportSummary: parts.join(' · '),
  };
}

function parseJson(json: string | null): unknown {
  if (!json) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}
