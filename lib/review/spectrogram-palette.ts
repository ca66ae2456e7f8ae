// The spectrogram's colours: a perceptually even dark-to-light ramp (viridis' five key colours, interpolated:
// dark violet for silence, blue-green for quiet, yellow for the loudest), as a 256-entry RGB table, and the dB
// window it spans (the loudest level seen, 99th percentile so one click does not darken the rest, down to
// `rangeDb` below it).

const STOPS: ReadonlyArray<readonly [number, number, number]> = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** 256 × RGB: entry v (0 quietest … 255 loudest) at [3v, 3v + 2]. */
export function spectrogramPalette(): Uint8ClampedArray {
  const out = new Uint8ClampedArray(256 * 3);
  for (let v = 0; v < 256; v++) {
    const x = (v / 255) * (STOPS.length - 1);
    const i = Math.min(STOPS.length - 2, Math.floor(x));
    const f = x - i;
    const a = STOPS[i]!;
    const b = STOPS[i + 1]!;
    for (let c = 0; c < 3; c++) out[v * 3 + c] = Math.round(a[c]! + (b[c]! - a[c]!) * f);
  }
  return out;
}

/** The dB window to map onto the palette: [top - rangeDb, top], top the 99th percentile of the finite levels. */
export function dbWindow(levels: ArrayLike<number>, rangeDb = 70): { floor: number; top: number } {
  const finite: number[] = [];
  for (let i = 0; i < levels.length; i++) if (Number.isFinite(levels[i])) finite.push(levels[i]!);
  if (finite.length === 0) return { floor: -rangeDb, top: 0 };
  finite.sort((a, b) => a - b);
  const top = finite[Math.min(finite.length - 1, Math.floor(finite.length * 0.99))]!;
  return { floor: top - rangeDb, top };
}
