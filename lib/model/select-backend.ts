// Picks and initialises the tfjs backend for training. `auto`: WebGPU when Dawn finds a hardware adapter, then
// tfjs-node (`tensorflow`) when the user installed it, then wasm, then cpu. A software adapter (Mesa llvmpipe
// behind Dawn's OpenGL ES backend, SwiftShader) counts as no GPU for `auto` — it is slower than wasm — but
// `webgpu` asks for it explicitly, which is how CI exercises the WebGPU code path on machines without a GPU.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { AppError } from '../errors/app-error.ts';

export const BACKEND_CHOICES = ['auto', 'webgpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

export type SelectedBackend = {
  backend: 'webgpu' | 'tensorflow' | 'wasm' | 'cpu';
  /** The GPU adapter's description for webgpu, otherwise a short description of the CPU path. */
  device: string;
  /** True for a software WebGPU adapter (llvmpipe, SwiftShader). */
  software: boolean;
};

type GpuAdapterInfo = { vendor?: string; architecture?: string; device?: string; description?: string };
type GpuAdapter = { info?: GpuAdapterInfo; features: { has(f: string): boolean }; limits: Record<string, number>; isFallbackAdapter?: boolean; requestDevice(d?: unknown): Promise<unknown> };
type Gpu = { requestAdapter(o?: Record<string, unknown>): Promise<GpuAdapter | null> };

const require = createRequire(import.meta.url);

/** Dawn backends tried in order: a real GPU through Vulkan (or Metal/D3D), then OpenGL ES (Mesa llvmpipe here). */
const DAWN_BACKENDS: { flags: string[]; compatibility: boolean }[] = [
  { flags: [], compatibility: false },
  { flags: ['backend=opengles'], compatibility: true },
];

const SOFTWARE_ADAPTER = /llvmpipe|lavapipe|softpipe|swiftshader|software/i;

let webgpuRegistered = false;
let webgpuState: { adapter: GpuAdapter; gpu: Gpu; name: string; software: boolean } | null = null;

async function findAdapter(): Promise<{ adapter: GpuAdapter; gpu: Gpu; name: string; software: boolean } | null> {
  if (webgpuState) return webgpuState;
  let dawn: { create(flags: string[]): Gpu; globals: Record<string, unknown> };
  try {
    dawn = (await import('webgpu')) as unknown as typeof dawn;
  } catch {
    return null;
  }
  // EGL without a display: needed by Dawn's OpenGL ES backend on a headless machine.
  process.env.EGL_PLATFORM ??= 'surfaceless';
  process.env.XDG_RUNTIME_DIR ??= '/tmp';
  Object.assign(globalThis, dawn.globals);
  for (const b of DAWN_BACKENDS) {
    let gpu: Gpu;
    try {
      gpu = dawn.create(b.flags);
    } catch {
      continue;
    }
    const adapter = await gpu
      .requestAdapter(b.compatibility ? { featureLevel: 'compatibility', powerPreference: 'high-performance' } : { powerPreference: 'high-performance' })
      .catch(() => null);
    if (!adapter) continue;
    const i = adapter.info ?? {};
    const name = [i.vendor, i.architecture, i.device, i.description].filter((s) => s).join(' ').trim() || 'unknown adapter';
    const software = Boolean(adapter.isFallbackAdapter) || SOFTWARE_ADAPTER.test(name);
    webgpuState = { adapter, gpu, name, software };
    return webgpuState;
  }
  return null;
}

async function initWebgpu(): Promise<SelectedBackend> {
  const found = await findAdapter();
  if (!found) {
    throw new AppError('UNSUPPORTED_MEDIA', 'No WebGPU adapter was found (Dawn tried Vulkan and OpenGL ES). Use --backend wasm, or install GPU drivers (on Debian: libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri for the OpenGL ES path).');
  }
  // The tfjs backend reads globalThis.navigator.gpu only at import time to decide whether to register itself,
  // and asks for an adapter without featureLevel; register it here with our own adapter and device instead.
  (globalThis as { navigator?: unknown }).navigator ??= { gpu: found.gpu };
  const { WebGPUBackend } = await import('@tensorflow/tfjs-backend-webgpu');
  if (!webgpuRegistered) {
    if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
    webgpuRegistered = true;
    tf.registerBackend(
      'webgpu',
      async () => {
        const a = found.adapter;
        const features = ['timestamp-query'].filter((f) => a.features.has(f));
        const keys = ['maxComputeWorkgroupStorageSize', 'maxComputeWorkgroupsPerDimension', 'maxStorageBufferBindingSize', 'maxBufferSize', 'maxComputeWorkgroupSizeX', 'maxComputeInvocationsPerWorkgroup'];
        const requiredLimits = Object.fromEntries(keys.map((k) => [k, a.limits[k]]));
        const device = await a.requestDevice({ requiredFeatures: features, requiredLimits });
        return new WebGPUBackend(device as ConstructorParameters<typeof WebGPUBackend>[0], a.info as ConstructorParameters<typeof WebGPUBackend>[1]);
      },
      -1, // never picked by tfjs's own priority order
    );
  }
  if (!(await tf.setBackend('webgpu'))) throw new AppError('UNSUPPORTED_MEDIA', `The WebGPU backend failed to start on "${found.name}".`);
  return { backend: 'webgpu', device: found.name, software: found.software };
}

async function initTensorflow(): Promise<SelectedBackend | null> {
  const name = '@tensorflow/tfjs-node';
  try {
    await import(/* @vite-ignore */ name);
  } catch {
    try {
      await import(/* @vite-ignore */ `${name}-gpu`);
    } catch {
      return null;
    }
  }
  if (!(await tf.setBackend('tensorflow'))) return null;
  return { backend: 'tensorflow', device: 'libtensorflow (tfjs-node)', software: false };
}

async function initWasm(): Promise<SelectedBackend> {
  const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  setWasmPaths(`${dist}${path.sep}`);
  if (!(await tf.setBackend('wasm'))) throw new AppError('UNSUPPORTED_MEDIA', 'The wasm backend failed to start.');
  return { backend: 'wasm', device: 'WebAssembly SIMD (single thread)', software: false };
}

async function initCpu(): Promise<SelectedBackend> {
  await tf.setBackend('cpu');
  return { backend: 'cpu', device: 'JavaScript (tfjs cpu)', software: false };
}

/** Initialises and activates a backend; `auto` falls through as described above. */
export async function selectBackend(choice: BackendChoice = 'auto'): Promise<SelectedBackend> {
  switch (choice) {
    case 'webgpu':
      return initWebgpu();
    case 'tensorflow': {
      const r = await initTensorflow();
      if (!r) throw new AppError('UNSUPPORTED_MEDIA', 'The tensorflow backend needs @tensorflow/tfjs-node (or -gpu): run `npm install @tensorflow/tfjs-node`, or use --backend auto.');
      return r;
    }
    case 'wasm':
      return initWasm();
    case 'cpu':
      return initCpu();
    case 'auto': {
      const found = await findAdapter();
      if (found && !found.software) {
        try {
          return await initWebgpu();
        } catch {
          // fall through to the CPU paths
        }
      }
      return (await initTensorflow()) ?? (await initWasm().catch(() => null)) ?? initCpu();
    }
  }
}

/** Disposes the WebGPU backend and drops the global navigator so that Node can exit. */
export function releaseWebgpu(): void {
  if (tf.findBackend('webgpu')) tf.removeBackend('webgpu');
  delete (globalThis as { navigator?: unknown }).navigator;
  webgpuState = null;
  webgpuRegistered = false;
}
