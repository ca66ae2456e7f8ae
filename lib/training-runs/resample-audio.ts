// Browser audio (any rate, any channel count, from decodeAudioData) → 16 kHz mono floats for the model. Pure, so
// that it is tested here. Downsampling averages the input over each output sample's span (a box low-pass, enough
// against aliasing for log-mel features), upsampling interpolates linearly.

export function downmix(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!;
  const n = Math.min(...channels.map((c) => c.length));
  const out = new Float32Array(n);
  for (const c of channels) for (let i = 0; i < n; i++) out[i]! += c[i]! / channels.length;
  return out;
}

export function resample(samples: Float32Array, fromRate: number, toRate = 16_000): Float32Array {
  if (!(fromRate > 0 && toRate > 0)) throw new Error(`Invalid sample rates ${fromRate} → ${toRate}.`);
  if (fromRate === toRate) return samples;
  const ratio = fromRate / toRate;
  const n = Math.floor(samples.length / ratio);
  const out = new Float32Array(n);
  if (ratio > 1) {
    for (let i = 0; i < n; i++) {
      const a = Math.floor(i * ratio);
      const b = Math.min(samples.length, Math.max(a + 1, Math.floor((i + 1) * ratio)));
      let s = 0;
      for (let j = a; j < b; j++) s += samples[j]!;
      out[i] = s / (b - a);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = i * ratio;
      const a = Math.floor(x);
      const f = x - a;
      out[i] = samples[a]! * (1 - f) + (samples[Math.min(a + 1, samples.length - 1)] ?? 0) * f;
    }
  }
  return out;
}
