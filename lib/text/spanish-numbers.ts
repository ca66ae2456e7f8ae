// Spanish cardinal numbers written out following the RAE norms (Nueva gramática §21, DPD "uno", "cien").
// No npm package got apocope, gender and accents right, hence this small verbalizer.

export type SpanishGender = 'masculine' | 'feminine';

export interface SpanishNumberOptions {
  /** Gender of the noun counted. Hundreds and "una" agree with it; millones never do (millón is a noun). */
  gender?: SpanishGender;
  /** The number directly precedes a noun: "un"/"veintiún"/"treinta y un" instead of "uno"… (masculine only). */
  apocope?: boolean;
}

const UNITS = [
  'cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve',
  'diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve',
  'veinte', 'veintiuno', 'veintidós', 'veintitrés', 'veinticuatro', 'veinticinco', 'veintiséis', 'veintisiete',
  'veintiocho', 'veintinueve',
] as const;

const TENS = [
  '', '', 'veinte', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa',
] as const;

const HUNDREDS = [
  '', 'ciento', 'doscientos', 'trescientos', 'cuatrocientos', 'quinientos', 'seiscientos', 'setecientos',
  'ochocientos', 'novecientos',
] as const;

// 10^6 steps of the long scale used in Spanish: 10^12 is "billón", not 10^9.
const SCALE_SINGULAR = ['', 'millón', 'billón', 'trillón', 'cuatrillón'] as const;
const SCALE_PLURAL = ['', 'millones', 'billones', 'trillones', 'cuatrillones'] as const;
const MAX_EXCLUSIVE = 10n ** 30n;
const MILLION = 1_000_000n;

type One = 'uno' | 'un' | 'una';

function below100(n: number, one: One): string {
  if (n === 1) return one;
  if (n === 21) return one === 'uno' ? 'veintiuno' : one === 'un' ? 'veintiún' : 'veintiuna';
  if (n < 30) return UNITS[n]!;
  const unit = n % 10;
  const tens = TENS[Math.floor(n / 10)]!;
  if (unit === 0) return tens;
  return `${tens} y ${unit === 1 ? one : UNITS[unit]!}`;
}

function below1000(n: number, one: One, feminine: boolean): string {
  // "cien" only for exactly 100 (also "cien mil", "cien millones"); "ciento" never agrees in gender.
  if (n === 100) return 'cien';
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (hundreds > 0) {
    const word = HUNDREDS[hundreds]!;
    words.push(feminine && hundreds > 1 ? word.replace(/os$/, 'as') : word);
  }
  if (rest > 0) words.push(below100(rest, one));
  return words.join(' ');
}

function below1e6(n: number, gender: SpanishGender, apocope: boolean): string {
  const feminine = gender === 'feminine';
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  // "mil", never "un mil". Before mil the unit is "un" (masculine) or "una" (feminine: RAE accepts both
  // "veintiún mil personas" and "veintiuna mil personas"; we always agree, as the hundreds must).
  if (thousands === 1) words.push('mil');
  else if (thousands > 1) words.push(`${below1000(thousands, feminine ? 'una' : 'un', feminine)} mil`);
  if (rest > 0) words.push(below1000(rest, feminine ? 'una' : apocope ? 'un' : 'uno', feminine));
  return words.join(' ');
}

/**
 * Writes an integer out in Spanish words: 21 → "veintiuno", { apocope: true } → "veintiún",
 * { gender: 'feminine' } → "veintiuna"; 200000 feminine → "doscientas mil"; 10^9 → "mil millones".
 * Range: |n| < 10^30.
 */
export function verbalizeSpanishNumber(n: number | bigint, opts: SpanishNumberOptions = {}): string {
  if (typeof n === 'number' && !Number.isSafeInteger(n)) {
    throw new RangeError(`verbalizeSpanishNumber: ${n} is not a safe integer`);
  }
  let value = BigInt(n);
  if (value < 0n) return `menos ${verbalizeSpanishNumber(-value, opts)}`;
  if (value >= MAX_EXCLUSIVE) throw new RangeError(`verbalizeSpanishNumber: ${value} is too large`);
  if (value === 0n) return 'cero';

  const gender = opts.gender ?? 'masculine';
  const apocope = opts.apocope ?? false;
  const groups: number[] = [];
  while (value > 0n) {
    groups.push(Number(value % MILLION));
    value /= MILLION;
  }
  const words: string[] = [];
  for (let scale = groups.length - 1; scale >= 0; scale -= 1) {
    const group = groups[scale]!;
    if (group === 0) continue;
    if (scale === 0) {
      words.push(below1e6(group, gender, apocope));
    } else if (group === 1) {
      words.push(`un ${SCALE_SINGULAR[scale]!}`);
    } else {
      // Millones is a masculine noun: "doscientos millones de personas", "veintiún millones".
      words.push(`${below1e6(group, 'masculine', true)} ${SCALE_PLURAL[scale]!}`);
    }
  }
  return words.join(' ');
}

const DECIMAL_RE = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+),(\d+)$/;

/**
 * Reads a Spanish decimal written with a comma: "3,5" → "tres coma cinco", "1.500,25" → "mil quinientos
 * coma veinticinco", "0,05" → "cero coma cero cinco" (leading zeros of the fraction are read one by one).
 * Both parts use the neuter counting form ("veintiuno coma cinco").
 */
export function verbalizeSpanishDecimal(text: string): string {
  const match = DECIMAL_RE.exec(text.trim());
  if (!match) throw new RangeError(`verbalizeSpanishDecimal: "${text}" is not a decimal like 3,5`);
  const [, sign, integer, fraction] = match as unknown as [string, string, string, string];
  const whole = verbalizeSpanishNumber(BigInt(integer.replaceAll('.', '')));
  const zeros = /^0*/.exec(fraction)![0].length;
  const fractionWords = Array.from({ length: zeros }, () => 'cero');
  if (zeros < fraction.length) fractionWords.push(verbalizeSpanishNumber(BigInt(fraction.slice(zeros))));
  return `${sign ? 'menos ' : ''}${whole} coma ${fractionWords.join(' ')}`;
}
