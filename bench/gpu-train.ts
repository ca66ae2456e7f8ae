// GPU check (not a test): training throughput on the WebGPU backend through Dawn's Vulkan path against wasm and
// cpu, on the same fixed model and batches of synthetic audio as bench/train-backends.ts. Meant to be bundled by
// scripts/gpu-check/build.sh and run on a machine with an NVIDIA GPU by scripts/gpu-check/run.sh; it also runs
// from source: npx tsx bench/gpu-train.ts [--backends webgpu,wasm,cpu] [--steps 4] [--batch 8] [--seconds 2]
//   [--allow-software]   accept a software adapter (Dawn's OpenGL ES backend on Mesa llvmpipe) for local runs
//   [--label NAME]       with one backend: the key of its result (e.g. webgpu-b32 for a second batch size)
//   [--out FILE]         also write the JSON line there (default: $OUT/gpu-train.json when OUT is set)
//   [--merge A.json B.json ...]  only merge the results of earlier runs into one JSON line (used by run.sh)
// Prints one JSON line. Exit status: 0 when every requested backend trained; 2 when webgpu was requested and no
// hardware GPU adapter was found (the other backends still run and are reported); 1 when a backend failed.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { TRANSCRIPT_ALPHABET } from '../lib/text/normalise-spanish.ts';
import { SpeechDataset } from '../lib/model/dataset.ts';
import { releaseWebgpu, type BackendChoice } from '../lib/model/select-backend.ts';
import { train } from '../lib/model/train-loop.ts';
import { writeExportFixture } from '../lib/testing/write-export-fixture.ts';
import { syntheticUtterances } from './lib/synthetic-utterances.ts';

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const outFile = arg('--out') ?? (process.env.OUT ? path.join(process.env.OUT, 'gpu-train.json') : undefined);

async function emit(line: Record<string, unknown>): Promise<void> {
  const text = JSON.stringify(line);
  console.log(text);
  if (outFile) {
    await mkdir(path.dirname(outFile), { recursive: true });
    await writeFile(outFile, `${text}\n`);
  }
}

type BackendResult = { error?: string; [k: string]: unknown };

if (argv.includes('--merge')) {
  // Merge one-line JSON files of earlier runs (one backend each) into one line; missing or broken files become
  // an error entry so that a run killed by its timeout still shows up.
  const files = argv.slice(argv.indexOf('--merge') + 1).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--out');
  const merged: Record<string, unknown> = { bench: 'gpu-train' };
  const results: Record<string, BackendResult> = {};
  for (const f of files) {
    const name = path.basename(f, '.json');
    try {
      const line = JSON.parse((await readFile(f, 'utf8')).trim().split('\n').pop()!) as Record<string, unknown>;
      for (const [k, v] of Object.entries(line)) if (k !== 'results' && !(k in merged)) merged[k] = v;
      Object.assign(results, line.results as Record<string, BackendResult>);
    } catch (err) {
      results[name] = { error: `no result (${(err as Error).message.split('\n')[0]}): the run crashed or hit its timeout` };
    }
  }
  merged.results = results;
  merged.speedup = speedups(results);
  await emit(merged);
  process.exit(0);
}

const backends = (arg('--backends') ?? 'webgpu,wasm,cpu').split(',').filter(Boolean) as BackendChoice[];
const steps = Number(arg('--steps') ?? 4);
const batch = Number(arg('--batch') ?? 8);
const seconds = Number(arg('--seconds') ?? 2);
const allowSoftware = argv.includes('--allow-software');
const label = backends.length === 1 ? arg('--label') : undefined;
const key = (backend: string): string => label ?? backend;
const model = { dModel: 144, heads: 4, layers: 2, ffDim: 576, dropout: 0.1 };

function speedups(results: Record<string, BackendResult>): Record<string, number> {
  const ups = (b: string): number | undefined => {
    const v = results[b]?.utterancesPerSec;
    return typeof v === 'number' && v > 0 ? v : undefined;
  };
  // Pairs of the same label suffix (webgpu/wasm, webgpu-b32/wasm-b32, …).
  const out: Record<string, number> = {};
  for (const k of Object.keys(results)) {
    const m = /^(webgpu|wasm)(.*)$/.exec(k);
    if (!m) continue;
    for (const other of m[1] === 'webgpu' ? ['wasm', 'cpu'] : ['cpu']) {
      const x = ups(k);
      const y = ups(`${other}${m[2]}`);
      if (x && y) out[`${k}/${other}${m[2]}`] = Number((x / y).toFixed(2));
    }
  }
  return out;
}

type AdapterProbe = {
  found: boolean;
  software: boolean;
  dawnBackend?: string;
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
  error?: string;
};

type Gpu = { requestAdapter(o?: Record<string, unknown>): Promise<{ info?: Record<string, unknown>; isFallbackAdapter?: boolean } | null> };
const SOFTWARE_ADAPTER = /llvmpipe|lavapipe|softpipe|swiftshader|software/i;
let probeGpus: Gpu[] = []; // kept referenced until the end: a collected Dawn instance must not go away mid-run

/** Asks Dawn for an adapter on its Vulkan backend (the NVIDIA driver's ICD), then, only with --allow-software, on
 * OpenGL ES (Mesa llvmpipe on a machine without a GPU). Reads the adapter's info for the report. */
async function probeAdapter(): Promise<AdapterProbe> {
  let dawn: { create(flags: string[]): Gpu; globals: Record<string, unknown> };
  try {
    dawn = (await import('webgpu')) as unknown as typeof dawn;
  } catch (err) {
    return { found: false, software: false, error: `Dawn (webgpu/dawn.node) failed to load: ${(err as Error).message}` };
  }
  process.env.EGL_PLATFORM ??= 'surfaceless';
  process.env.XDG_RUNTIME_DIR ??= '/tmp';
  Object.assign(globalThis, dawn.globals);
  const tries: { backend: string; flags: string[]; options: Record<string, unknown> }[] = [
    { backend: 'vulkan', flags: ['backend=vulkan'], options: { powerPreference: 'high-performance' } },
  ];
  if (allowSoftware) tries.push({ backend: 'opengles', flags: ['backend=opengles'], options: { featureLevel: 'compatibility', powerPreference: 'high-performance' } });
  const errors: string[] = [];
  for (const t of tries) {
    try {
      const gpu = dawn.create(t.flags);
      probeGpus.push(gpu);
      const adapter = await gpu.requestAdapter(t.options);
      if (!adapter) {
        errors.push(`${t.backend}: no adapter`);
        continue;
      }
      const info = (adapter.info ?? {}) as Record<string, unknown>;
      const str = (k: string): string | undefined => (typeof info[k] === 'string' ? (info[k] as string) : undefined);
      const probe: AdapterProbe = {
        found: true,
        software: false,
        dawnBackend: t.backend,
        vendor: str('vendor'),
        architecture: str('architecture'),
        device: str('device'),
        description: str('description'),
        isFallbackAdapter: Boolean(adapter.isFallbackAdapter),
      };
      probe.software = probe.isFallbackAdapter! || SOFTWARE_ADAPTER.test([probe.vendor, probe.architecture, probe.device, probe.description].join(' '));
      if (probe.software && !allowSoftware) {
        errors.push(`${t.backend}: only a software adapter (${probe.description ?? probe.device ?? 'unknown'})`);
        continue;
      }
      return probe;
    } catch (err) {
      errors.push(`${t.backend}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  return { found: false, software: false, error: errors.join('; ') };
}

const utterances = syntheticUtterances(batch * (steps + 1), seconds);

const dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-gpu-train-'));
const results: Record<string, BackendResult> = {};
let adapter: AdapterProbe | undefined;
let exitCode = 0;
try {
  await writeExportFixture(dir, TRANSCRIPT_ALPHABET, { train: utterances }, 1);
  for (const backend of backends) {
    if (backend === 'webgpu') {
      adapter = await probeAdapter();
      if (!adapter.found) {
        results[key('webgpu')] = { batch, error: `No GPU adapter found: Dawn's Vulkan backend gave none (${adapter.error}).${allowSoftware ? '' : ' Pass --allow-software to accept llvmpipe locally.'}` };
        exitCode = 2;
        continue;
      }
    }
    try {
      const times: number[] = [];
      let last = performance.now();
      const r = await train({
        dataset: { train: await SpeechDataset.open(dir, { split: 'train', batchSize: batch, augment: false, shuffle: false }) },
        steps: steps + 1, lr: 1e-3, warmupSteps: 0, backend, model,
        onStep: () => {
          const now = performance.now();
          times.push((now - last) / 1000);
          last = now;
        },
      });
      const timed = times.slice(1);
      const total = timed.reduce((a, b) => a + b, 0);
      results[key(backend)] = {
        batch,
        device: r.backend?.device,
        software: r.backend?.software,
        utterancesPerSec: Number(((batch * timed.length) / total).toFixed(2)),
        secPerStep: Number((total / timed.length).toFixed(3)),
        firstStepSec: Number(times[0]!.toFixed(2)),
        lastLoss: Number(r.lastLoss.toFixed(3)),
        params: r.model.parameterCount(),
        numTensors: tf.memory().numTensors,
      };
      if (!Number.isFinite(r.lastLoss)) {
        results[key(backend)]!.error = 'the loss is not finite';
        exitCode ||= 1;
      }
      if (backend === 'webgpu' && r.backend?.software && !allowSoftware) {
        results[key('webgpu')]!.error = `training ran on a software adapter (${r.backend.device}), not the GPU`;
        exitCode ||= 1;
      }
      r.model.dispose();
      if (backend === 'webgpu') releaseWebgpu();
    } catch (err) {
      results[key(backend)] = { batch, error: (err as Error).message };
      exitCode ||= 1;
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
await emit({
  bench: 'gpu-train',
  node: process.version,
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  batch, seconds, steps, model,
  ...(adapter ? { adapter } : {}),
  results,
  speedup: speedups(results),
});
probeGpus = [];
// Dawn keeps the event loop alive while a GPU object is referenced; the measurement is done.
process.exit(exitCode);
