import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ctcLoss } from './ctc-loss.ts';
import { selectBackend } from './select-backend.ts';

async function ctcOnActiveBackend(): Promise<number[]> {
  const logits = tf.tensor3d(Array.from({ length: 2 * 4 * 3 }, (_, i) => Math.sin(i * 1.7) * 2), [2, 4, 3]);
  return Array.from(await ctcLoss(logits, [[1, 1], [2]], [4, 3]).data());
}

describe('selectBackend', () => {
  it('activates wasm (with its .wasm files found in node_modules) and cpu, which agree on the CTC loss', async () => {
    expect(await selectBackend('wasm')).toMatchObject({ backend: 'wasm', software: false });
    expect(tf.getBackend()).toBe('wasm');
    const onWasm = await ctcOnActiveBackend();
    expect(await selectBackend('cpu')).toMatchObject({ backend: 'cpu' });
    expect(tf.getBackend()).toBe('cpu');
    const onCpu = await ctcOnActiveBackend();
    onWasm.forEach((v, i) => expect(v).toBeCloseTo(onCpu[i]!, 4));
  });

  it('never lets auto pick a software WebGPU adapter', async () => {
    const picked = await selectBackend('auto');
    expect(tf.getBackend()).toBe(picked.backend);
    if (picked.backend === 'webgpu') expect(picked.software).toBe(false);
    else expect(['tensorflow', 'wasm', 'cpu']).toContain(picked.backend);
  });

  it('uses tfjs-node when installed and otherwise says how to install it', async () => {
    const result = await selectBackend('tensorflow').catch((err: Error) => err);
    if (result instanceof Error) expect(result.message).toMatch(/npm install @tensorflow\/tfjs-node/);
    else expect(result.backend).toBe('tensorflow');
  });
});
