// The pause map as the editor draws it: each detected pause as a span of the waveform in percent of the chapter's
// duration (so it scales with every zoom without being redrawn), clamped to the audio, sorted, overlapping or
// touching pauses merged, and spans too short to see at the whole-chapter view widened to `minSec` around their centre.

export type BandSpan = { leftPct: number; widthPct: number };

export function pauseBand(pauses: ReadonlyArray<{ begin: number; end: number }>, duration: number, minSec = 0): BandSpan[] {
  if (!(duration > 0)) return [];
  const spans = pauses
    .filter((p) => Number.isFinite(p.begin) && Number.isFinite(p.end) && p.end > p.begin)
    .map((p) => {
      const widen = Math.max(0, minSec - (p.end - p.begin)) / 2;
      return { begin: Math.max(0, p.begin - widen), end: Math.min(duration, p.end + widen) };
    })
    .filter((p) => p.end > p.begin)
    .sort((a, b) => a.begin - b.begin);
  const merged: Array<{ begin: number; end: number }> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.begin <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged.map((s) => ({ leftPct: (s.begin / duration) * 100, widthPct: ((s.end - s.begin) / duration) * 100 }));
}
