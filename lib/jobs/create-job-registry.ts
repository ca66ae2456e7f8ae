// The queue knows job types only through a registry handed to it: the edges (the worker, the CLI, tests)
// assemble one from the job definitions of the domains they run.
import type { JobDefinition } from './job-definition.ts';

export type JobRegistry = ReadonlyMap<string, JobDefinition>;

/** A registry keyed by job name; two definitions with one name are a programming error. */
export function createJobRegistry(definitions: readonly JobDefinition[]): JobRegistry {
  const registry = new Map<string, JobDefinition>();
  for (const d of definitions) {
    if (registry.has(d.name)) throw new Error(`Job type "${d.name}" is registered twice.`);
    registry.set(d.name, d);
  }
  return registry;
}
