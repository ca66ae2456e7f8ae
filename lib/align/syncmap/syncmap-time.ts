// Time codecs of the sync map formats. Everything is rounded to whole milliseconds the way aeneas' JSON does it
// (Python "%.3f"), so every format written from one map shows the same millisecond values.

/**
 * Python's `"%.*f" % value`: like `toFixed`, except that an exact tie rounds to even (Python) instead of up (JS).
 * A tie is only possible when the binary value is exactly representable with few digits, e.g. 0.0625 → "0.062".
 */
export function formatFixed(value: number, digits: number): string {
  const fixed = value.toFixed(digits);
  const exact = Math.abs(value).toFixed(100);
  const dot = exact.indexOf('.');
  const rest = exact.slice(dot + 1 + digits);
  if (!/^50*$/.test(rest)) return fixed;
  const truncated = exact.slice(0, dot + 1 + digits).replace(/\.$/, '');
  const lastDigit = Number(truncated.at(-1));
  if (lastDigit % 2 === 1) return fixed;
  return (value < 0 ? '-' : '') + truncated;
}

/** Seconds → integer milliseconds, rounded as `formatFixed(seconds, 3)` rounds them. */
export function toMilliseconds(seconds: number): number {
  return Number.parseInt(formatFixed(seconds, 3).replace('.', ''), 10);
}

/** `HH:MM:SS.mmm` (SMIL, WebVTT) or `HH:MM:SS,mmm` (SRT); hours grow past two digits if needed. */
export function formatClock(seconds: number, decimalSeparator: '.' | ','): string {
  const ms = toMilliseconds(seconds);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const secs = Math.floor(ms / 1000) % 60;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(secs, 2)}${decimalSeparator}${pad(ms % 1000, 3)}`;
}

/** `[HH:]MM:SS[.,fff]` → seconds, or null. Up to three fraction digits are read exactly (integer ms / 1000). */
export function parseClock(text: string): number | null {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d+))?$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1] ?? 0);
  const minutes = Number(m[2]);
  const secs = Number(m[3]);
  if (minutes >= 60 || secs >= 60) return null;
  const whole = hours * 3600 + minutes * 60 + secs;
  const fraction = m[4] ?? '';
  if (fraction.length <= 3) return (whole * 1000 + Number(fraction.padEnd(3, '0'))) / 1000;
  return whole + Number(`0.${fraction}`);
}

/** Plain decimal seconds (`12`, `12.345`) → seconds, or null. No sign, no exponent. */
export function parseSeconds(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}
