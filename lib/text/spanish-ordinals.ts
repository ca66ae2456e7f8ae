import type { SpanishGender } from './spanish-numbers.ts';

const UNITS = [
  '', 'primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno',
] as const;

const TENS = [
  '', 'décimo', 'vigésimo', 'trigésimo', 'cuadragésimo', 'quincuagésimo', 'sexagésimo', 'septuagésimo',
  'octogésimo', 'nonagésimo',
] as const;

const HUNDREDS = [
  '', 'centésimo', 'ducentésimo', 'tricentésimo', 'cuadringentésimo', 'quingentésimo', 'sexcentésimo',
  'septingentésimo', 'octingentésimo', 'noningentésimo',
] as const;

function below100(n: number): string {
  if (n < 10) return UNITS[n]!;
  if (n === 10) return 'décimo';
  if (n === 11) return 'undécimo';
  if (n === 12) return 'duodécimo';
  // 13–19 are written as one word (RAE): decimotercero, decimoséptimo, decimoctavo (not "decimooctavo").
  if (n < 20) return n === 18 ? 'decimoctavo' : `decimo${UNITS[n - 10]!}`;
  const unit = n % 10;
  const tens = TENS[Math.floor(n / 10)]!;
  return unit === 0 ? tens : `${tens} ${UNITS[unit]!}`;
}

/**
 * Spanish ordinal in words, 1–1000: 1 → "primero" / "primer" (apocope, before a masculine noun) / "primera";
 * 13 → "decimotercero"; 21 → "vigésimo primero" / "vigésima primera". 11 and 12 use the traditional
 * "undécimo" and "duodécimo" (RAE also accepts "decimoprimero", "decimosegundo").
 */
export function verbalizeSpanishOrdinal(
  n: number,
  gender: SpanishGender = 'masculine',
  apocope = false,
): string {
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new RangeError(`verbalizeSpanishOrdinal: ${n} is outside 1–1000`);
  }
  let text: string;
  if (n === 1000) {
    text = 'milésimo';
  } else {
    const hundreds = Math.floor(n / 100);
    const rest = n % 100;
    text = [hundreds > 0 ? HUNDREDS[hundreds]! : '', rest > 0 ? below100(rest) : ''].filter(Boolean).join(' ');
  }
  if (gender === 'feminine') return text.replace(/o(?= |$)/g, 'a');
  // Only primero and tercero (also at the end of a compound) lose their -o before a masculine noun.
  if (apocope) return text.replace(/(primer|tercer)o$/, '$1');
  return text;
}
