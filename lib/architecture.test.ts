// The layers of lib/: the import graph of lib/**/*.ts, read from the source, with each file mapped to its
// domain (the first folder under lib/). Domains must form a DAG (README, "Architecture"); lib/ never reaches
// into the app, the components, the worker or the CLI, and never imports Next or React.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const LIB = path.join(ROOT, 'lib');
const EDGE_FOLDERS = ['app', 'components', 'workers', 'bin'];
const SELF = path.join(LIB, 'architecture.test.ts');

/** Static `import … from`, `export … from`, side-effect `import '…'` and dynamic `import('…')` specifiers. */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/^\s*\/\/.*$/gm, ' ');
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]!);
  return out;
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listTs(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Absolute path for a relative or `@/` specifier; null for a package. */
function resolveSpecifier(fromFile: string, spec: string): string | null {
  if (spec.startsWith('.')) return path.resolve(path.dirname(fromFile), spec);
  if (spec.startsWith('@/')) return path.join(ROOT, spec.slice(2));
  return null;
}

const domainOf = (file: string): string | null => {
  const rel = path.relative(LIB, file).split(path.sep);
  return rel.length > 1 && rel[0] !== '..' ? rel[0]! : null;
};

/** Domain → domain → the import lines that make the edge (for the failure message). */
export type DomainGraph = Map<string, Map<string, string[]>>;

/** The first cycle found, as a path that starts and ends at the same node; null for a DAG. */
export function findCycle(graph: ReadonlyMap<string, Iterable<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return null;
}

/** Lowest layer first: a domain sits one above the highest domain it imports. */
export function layersOf(graph: ReadonlyMap<string, Iterable<string>>): string[][] {
  const depth = new Map<string, number>();
  const d = (node: string): number => {
    if (!depth.has(node)) depth.set(node, Math.max(-1, ...[...(graph.get(node) ?? [])].map(d)) + 1);
    return depth.get(node)!;
  };
  const layers: string[][] = [];
  for (const node of [...graph.keys()].sort()) (layers[d(node)] ??= []).push(node);
  return layers;
}

describe('lib/ architecture', () => {
  const files = listTs(LIB).filter((f) => f !== SELF);
  const graph: DomainGraph = new Map();
  const outward: string[] = [];
  const framework: string[] = [];
  for (const file of files) {
    const rel = path.relative(ROOT, file);
    const from = domainOf(file);
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (/^(next|react|react-dom)(\/|$)/.test(spec)) framework.push(`${rel} imports '${spec}'`);
      const target = resolveSpecifier(file, spec);
      if (!target) continue;
      const top = path.relative(ROOT, target).split(path.sep)[0]!;
      if (EDGE_FOLDERS.includes(top)) outward.push(`${rel} imports '${spec}'`);
      // test files may reach across domains for fixtures; the layering is about the product code
      if (file.endsWith('.test.ts') || !from) continue;
      const to = domainOf(target);
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      const edges = graph.get(from)!;
      edges.set(to, [...(edges.get(to) ?? []), `${rel} → '${spec}'`]);
    }
    if (from && !graph.has(from)) graph.set(from, new Map());
  }
  const names = new Map([...graph].map(([k, v]) => [k, [...v.keys()]]));

  it('reads the imports of a file (static, re-export, side effect, dynamic with comments)', () => {
    const src = [
      "import { a } from './a.ts';",
      "import type { B } from '../b/b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "import './e.ts';",
      "const f = await import(/* webpackIgnore: true */ './f.ts');",
      'import {\n  g,\n  h,\n} from "@/lib/g/g.ts";',
      "// import { x } from './commented-out.ts';",
    ].join('\n');
    expect(importSpecifiers(src).sort()).toEqual(['../b/b.ts', './a.ts', './c.ts', './d.ts', './e.ts', './f.ts', '@/lib/g/g.ts']);
  });

  it('finds a cycle in a hand-made graph, and none in a DAG', () => {
    const cyclic = new Map([
      ['jobs', ['db']],
      ['db', ['config']],
      ['config', []],
      ['books', ['jobs', 'chapters']],
      ['chapters', ['review']],
      ['review', ['books']],
    ]);
    expect(findCycle(cyclic)).toEqual(['books', 'chapters', 'review', 'books']);
    expect(findCycle(new Map([['a', ['a']]]))).toEqual(['a', 'a']);
    const dag = new Map([
      ['jobs', ['db']],
      ['db', ['config']],
      ['config', []],
      ['books', ['jobs', 'db']],
    ]);
    expect(findCycle(dag)).toBeNull();
    expect(layersOf(dag)).toEqual([['config'], ['db'], ['jobs'], ['books']]);
  });

  it('sees the domains and their imports', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(names.get('chapter-alignment')).toContain('align');
    expect(names.get('align')).toContain('audio');
  });

  it('has no cycle between domains', () => {
    const cycle = findCycle(names);
    const detail = cycle
      ? cycle
          .slice(0, -1)
          .map((from, i) => `${from} → ${cycle[i + 1]}: ${graph.get(from)!.get(cycle[i + 1]!)!.join('; ')}`)
          .join('\n')
      : '';
    expect(cycle, `domain cycle ${cycle?.join(' → ')}\n${detail}`).toBeNull();
  });

  it('never imports from app/, components/, workers/ or bin/', () => {
    expect(outward).toEqual([]);
  });

  it('never imports Next or React', () => {
    expect(framework).toEqual([]);
  });

  it('keeps the lowest layers free of the use-case domains', () => {
    // the queue knows job types only through the registry the edge passes in; audio knows nothing of books
    for (const low of ['jobs', 'audio', 'text', 'storage', 'db', 'config', 'errors']) {
      expect(names.get(low) ?? [], low).not.toEqual(expect.arrayContaining(['books']));
      expect(names.get(low) ?? [], low).not.toEqual(expect.arrayContaining(['chapters']));
    }
    expect(layersOf(names).flat().sort()).toEqual([...names.keys()].sort());
  });
});
