// The CLI runs from a bundle of its TypeScript (esbuild), built on first use and again whenever a file it was built
// from changes. Compiling through tsx on every start cost `alinea align` about 1 s of CPU (tsx's loader thread and
// each worker thread's own) and 1.2 s of wall time on a 10-minute chapter, a third of the whole run.
// Each bundled file keeps its own import.meta.url (the source file's), so paths resolved from it do not move.
// Builds go to node_modules/.cache/alinea-cli/<checkout>/<build>/, named by meta.json (replaced atomically); anything going
// wrong here (no esbuild, a read-only install, a syntax error) falls back to tsx. ALINEA_CLI_TSX=1 forces tsx.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// One cache per checkout: worktrees sharing one node_modules (a symlink) must not take each other's bundles.
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'alinea-cli', createHash('sha256').update(ROOT).digest('hex').slice(0, 12));
/** The CLI and the bodies of the worker threads it starts (their entry .mjs files load the bundled body when told). */
const ENTRIES = {
  cli: 'bin/cli.ts',
  realFeatures: 'lib/align/real-features-thread.ts',
  jobWatchdog: 'lib/jobs/job-watchdog-thread.ts',
};
/** Read by the threads' entry files (lib/align/real-features-entry.mjs, lib/jobs/job-watchdog-entry.mjs). */
export const THREAD_ENV = { realFeatures: 'ALINEA_BUNDLED_REAL_FEATURES', jobWatchdog: 'ALINEA_BUNDLED_JOB_WATCHDOG' };
/** Besides the bundled sources: a change here changes how they are compiled. */
const ALSO = ['tsconfig.json', 'package.json', 'bin/cli-bundle.mjs'];
// A process started from a build loads its chunks lazily (a worker: a job type's code on its first job), so a build
// is removed only when a week old: a worker running that long through source edits is the one case left (dev only:
// an install whose sources do not change never rebuilds). Builds are ~3 MB.
const BUILD_MAX_AGE_MS = 7 * 24 * 3_600_000;

/** The current bundle's files (absolute paths by entry name), or null when a source changed since it was built. */
function freshBundle(root, cache) {
  let meta;
  try {
    meta = JSON.parse(readFileSync(path.join(cache, 'meta.json'), 'utf8'));
    for (const [rel, t] of Object.entries(meta.inputs)) if (statSync(path.join(root, rel)).mtimeMs !== t) return null;
  } catch {
    return null;
  }
  return Object.fromEntries(Object.entries(meta.outputs).map(([name, rel]) => [name, path.join(cache, meta.build, rel)]));
}

async function buildBundle(root, cache) {
  const { build } = await import('esbuild');
  await mkdir(cache, { recursive: true });
  const started = Date.now();
  const id = `${started.toString(36)}-${process.pid}`;
  const outdir = path.join(cache, id);
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.values(ENTRIES),
    outdir,
    outbase: root,
    bundle: true,
    splitting: true, // the commands' modules load when used, as with tsx (Prisma's client costs `align` 0.7 s)
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external', // node_modules stay where they are: the bundle lives under node_modules, so they resolve
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'own-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.m?ts$/ }, async (a) => {
            const src = await readFile(a.path, 'utf8');
            const own = JSON.stringify(pathToFileURL(a.path).href);
            return { contents: src.includes('import.meta.url') ? src.replaceAll('import.meta.url', own) : src, loader: 'ts' };
          });
        },
      },
    ],
  });
  const inputs = {};
  for (const rel of [...Object.keys(result.metafile.inputs), ...ALSO]) {
    const t = statSync(path.join(root, rel), { throwIfNoEntry: false })?.mtimeMs;
    if (t !== undefined) inputs[rel] = t;
  }
  const outputs = Object.fromEntries(Object.entries(ENTRIES).map(([name, src]) => [name, src.replace(/\.m?ts$/, '.js')]));
  // A source edited while the build ran: use this build once, but do not record it as current.
  if (Object.values(inputs).every((t) => t <= started)) {
    const meta = path.join(cache, 'meta.json');
    const tmp = `${meta}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ build: id, builtAt: started, inputs, outputs }));
    await rename(tmp, meta);
    // Older builds (see BUILD_MAX_AGE_MS).
    for (const name of await readdir(cache)) {
      const born = parseInt(name.split('-')[0] ?? '', 36);
      if (name !== id && name !== 'meta.json' && !name.endsWith('.tmp') && started - born > BUILD_MAX_AGE_MS) {
        await rm(path.join(cache, name), { recursive: true, force: true });
      }
    }
  }
  return Object.fromEntries(Object.entries(outputs).map(([name, rel]) => [name, path.join(outdir, rel)]));
}

/**
 * The bundled CLI's files by entry name (built now if needed), or null: run through tsx. Sets the variables that
 * point the worker threads' entries at their bundled bodies. `root` and `cacheDir`: for tests.
 */
export async function bundledCli({ root = ROOT, cacheDir = CACHE } = {}) {
  if (process.env.ALINEA_CLI_TSX === '1') return null;
  try {
    const files = freshBundle(root, cacheDir) ?? (await buildBundle(root, cacheDir));
    for (const [name, env] of Object.entries(THREAD_ENV)) process.env[env] = pathToFileURL(files[name]).href;
    return files;
  } catch (error) {
    if (process.env.ALINEA_CLI_DEBUG) console.error('alinea: bundling the CLI failed, running it through tsx:', error);
    return null;
  }
}
