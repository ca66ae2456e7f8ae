import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM without types (it runs before any TypeScript compiler)
import { bundledCli, THREAD_ENV } from './cli-bundle.mjs';

type Files = Record<'cli' | 'realFeatures' | 'jobWatchdog', string>;
const bundle = bundledCli as (o: { root: string; cacheDir: string }) => Promise<Files | null>;

// A tiny project shaped like ours: the three entries, a module the CLI imports, tsconfig and package.json.
let root: string;
let cacheDir: string;
const write = async (rel: string, text: string): Promise<void> => {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await writeFile(path.join(root, rel), text);
};
const importFresh = async (file: string): Promise<{ answer: string; where: string }> =>
  (await import(`${pathToFileURL(file).href}?t=${Date.now()}${Math.random()}`)) as { answer: string; where: string };

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'alinea-cli-bundle-'));
  cacheDir = path.join(root, 'cache');
  await write('package.json', '{"type":"module"}');
  await write('tsconfig.json', '{}');
  await write('lib/answer.ts', 'export const answer: string = "one";\n');
  await write('bin/cli.ts', 'import { answer } from "../lib/answer.ts";\nexport { answer };\nexport const where: string = import.meta.url;\n');
  await write('lib/align/real-features-thread.ts', 'export const thread: number = 1;\n');
  await write('lib/jobs/job-watchdog-thread.ts', 'export const thread: number = 2;\n');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  delete process.env.ALINEA_CLI_TSX;
  for (const name of Object.values(THREAD_ENV as Record<string, string>)) delete process.env[name];
});

describe('the bundled CLI (bin/cli-bundle.mjs)', () => {
  it('builds once, keeps each file its own import.meta.url, points the threads at their bodies, and is reused while no source changes', async () => {
    const first = await bundle({ root, cacheDir });
    expect(first).not.toBeNull();
    const cli = await importFresh(first!.cli);
    expect(cli.answer).toBe('one');
    expect(cli.where).toBe(pathToFileURL(path.join(root, 'bin/cli.ts')).href);
    const env = THREAD_ENV as Record<string, string>;
    expect(process.env[env.realFeatures!]).toBe(pathToFileURL(first!.realFeatures).href);
    expect(await readFile(first!.jobWatchdog, 'utf8')).toContain('thread = 2');
    const again = await bundle({ root, cacheDir });
    expect(again).toEqual(first);
  });

  it('rebuilds when a module it bundled changes', async () => {
    const first = await bundle({ root, cacheDir });
    await write('lib/answer.ts', 'export const answer: string = "two";\n');
    const later = new Date(Date.now() + 5_000);
    await utimes(path.join(root, 'lib/answer.ts'), later, later);
    const second = await bundle({ root, cacheDir });
    expect(second!.cli).not.toBe(first!.cli);
    expect((await importFresh(second!.cli)).answer).toBe('two');
  });

  it('falls back to tsx (null) on a source that does not compile, and when ALINEA_CLI_TSX=1', async () => {
    await write('lib/answer.ts', 'export const answer: string = ;\n');
    expect(await bundle({ root, cacheDir })).toBeNull();
    await write('lib/answer.ts', 'export const answer = "three";\n');
    process.env.ALINEA_CLI_TSX = '1';
    expect(await bundle({ root, cacheDir })).toBeNull();
  });
});
