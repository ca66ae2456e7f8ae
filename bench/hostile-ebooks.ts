// Bench (not a test): time and peak memory of parseEbook on the hostile ebooks of issue #10, each in its own
// process (so peak RSS is that input's alone) and killed after --timeout seconds; `notes` times
// stripGutenbergMarkup (run on every paragraph before alignment) on one paragraph of n unclosed "[nota ".
// Run: npx tsx bench/hostile-ebooks.ts [--timeout 120] [--only deep,paragraphs,notes]   Prints one JSON line per input.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDeepNestingEpub } from '../lib/testing/hostile/deep-nesting-epub.ts';
import { buildParagraphBombEpub } from '../lib/testing/hostile/paragraph-bomb-epub.ts';
import { parseEbook } from '../lib/text/parse-ebook.ts';
import { stripGutenbergMarkup } from '../lib/text/strip-gutenberg-markup.ts';

const BUILDERS: Record<string, (n: number) => Uint8Array> = {
  deep: buildDeepNestingEpub,
  paragraphs: buildParagraphBombEpub,
};
const CASES: [string, number][] = [
  ['deep', 10_000],
  ['deep', 20_000],
  ['deep', 40_000],
  ['deep', 2_000_000],
  ['paragraphs', 100_000],
  ['paragraphs', 400_000],
  ['paragraphs', 1_700_000],
  ['notes', 20_000],
  ['notes', 200_000],
];

const { values } = parseArgs({
  options: {
    case: { type: 'string' },
    n: { type: 'string' },
    timeout: { type: 'string', default: '120' },
    only: { type: 'string' },
  },
});

async function runOne(name: string, n: number) {
  if (name === 'notes') {
    const text = '[nota '.repeat(n);
    const started = performance.now();
    const out = stripGutenbergMarkup(text);
    const ms = Math.round(performance.now() - started);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(JSON.stringify({ input: name, n, textKb: Math.round(text.length / 1024), ms, peakRssMb, outcome: `ok: ${out.length} characters` }));
    return;
  }
  const bytes = BUILDERS[name]!(n);
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  let outcome: string;
  try {
    const parsed = await parseEbook(bytes, `${name}-${n}.epub`);
    outcome = `ok: ${parsed.paragraphs.length} paragraphs`;
  } catch (e) {
    const code = (e as { code?: string }).code;
    outcome = `${code ?? (e as Error).name}: ${(e as Error).message.slice(0, 200)}`;
  }
  const ms = Math.round(performance.now() - started);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ input: name, n, zipKb: Math.round(bytes.length / 1024), ms, peakRssMb: peakMb, rssBeforeMb: Math.round(rssBefore / 2 ** 20), outcome }));
}

if (values.case) {
  await runOne(values.case, Number(values.n));
} else {
  const only = values.only?.split(',');
  const timeoutMs = Number(values.timeout) * 1000;
  for (const [name, n] of CASES) {
    if (only && !only.includes(name)) continue;
    const started = performance.now();
    const line = await new Promise<string>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(import.meta.url), '--case', name, '--n', String(n)],
        { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1 << 20 },
        (err, stdout, stderr) => {
          if (stdout.trim()) resolve(stdout.trim());
          else {
            const why = err?.killed ? `killed after ${values.timeout} s` : (stderr.trim().split('\n').pop() ?? String(err));
            resolve(JSON.stringify({ input: name, n, ms: Math.round(performance.now() - started), outcome: why }));
          }
        },
      );
    });
    console.log(line);
  }
}
