// Adam (Kingma & Ba 2015) with bias correction and global-norm gradient clipping, written out so that its state
// (moments, step) can be checkpointed by name and restored exactly.
import * as tf from '@tensorflow/tfjs';

export type AdamOptions = { beta1?: number; beta2?: number; epsilon?: number; clipNorm?: number };

export class Adam {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** Gradients are scaled down so that their global L2 norm is at most this (Infinity: no clipping). */
  readonly clipNorm: number;
  /** Updates applied so far. */
  step = 0;
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();

  constructor(opts: AdamOptions = {}) {
    this.beta1 = opts.beta1 ?? 0.9;
    this.beta2 = opts.beta2 ?? 0.98;
    this.epsilon = opts.epsilon ?? 1e-9;
    this.clipNorm = opts.clipNorm ?? 5;
  }

  /** Applies one update; returns the global gradient norm before clipping. */
  async apply(params: readonly { name: string; variable: tf.Variable }[], grads: Record<string, tf.Tensor>, lr: number): Promise<number> {
    const normT = tf.tidy(() => tf.sqrt(params.map(({ variable }) => tf.sum(tf.square(grads[variable.name]!))).reduce((a, b) => tf.add(a, b))));
    const norm = (await normT.data())[0]!;
    normT.dispose();
    const scale = Number.isFinite(this.clipNorm) && norm > this.clipNorm ? this.clipNorm / norm : 1;
    this.step++;
    const t = this.step;
    const lrT = (lr * Math.sqrt(1 - this.beta2 ** t)) / (1 - this.beta1 ** t);
    tf.tidy(() => {
      for (const { name, variable } of params) {
        const g = tf.mul(grads[variable.name]!, scale);
        const m = this.slot(this.m, name, variable);
        const v = this.slot(this.v, name, variable);
        m.assign(tf.add(tf.mul(m, this.beta1), tf.mul(g, 1 - this.beta1)));
        v.assign(tf.add(tf.mul(v, this.beta2), tf.mul(tf.square(g), 1 - this.beta2)));
        variable.assign(tf.sub(variable, tf.mul(tf.div(m, tf.add(tf.sqrt(v), this.epsilon)), lrT)));
      }
    });
    return norm;
  }

  private slot(map: Map<string, tf.Variable>, name: string, like: tf.Variable): tf.Variable {
    let s = map.get(name);
    if (!s) {
      s = tf.variable(tf.zerosLike(like), false);
      map.set(name, s);
    }
    return s;
  }

  /** Moments as `adam/m/<name>` and `adam/v/<name>` (only those created so far). */
  state(): { name: string; tensor: tf.Tensor }[] {
    return [
      ...[...this.m].map(([name, tensor]) => ({ name: `adam/m/${name}`, tensor })),
      ...[...this.v].map(([name, tensor]) => ({ name: `adam/v/${name}`, tensor })),
    ];
  }

  /** Restores what state() listed, plus the step count. */
  restore(step: number, tensors: ReadonlyMap<string, tf.Tensor>): void {
    this.step = step;
    for (const [key, tensor] of tensors) {
      const match = /^adam\/([mv])\/(.+)$/.exec(key);
      if (!match) continue;
      const map = match[1] === 'm' ? this.m : this.v;
      map.get(match[2]!)?.dispose();
      map.set(match[2]!, tf.variable(tensor, false));
    }
  }

  dispose(): void {
    for (const s of [...this.m.values(), ...this.v.values()]) s.dispose();
    this.m.clear();
    this.v.clear();
  }
}
