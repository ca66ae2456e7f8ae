// Auditing timing truth without ears: a syllable's vowel is a peak of the speech band's loudness, so the number of
// prominent peaks between two pauses tells roughly how many syllables were said there (checked on the real
// readings: "Mi muy querido Manuel" 7–8 syllables → 6–7 peaks; "Valdemoro, veinte de septiembre de mil ochocientos
// ochenta y uno" 22 → 21). Comparing that with the syllables of the text a truth puts there shows whether the truth
// holds. Used by bench/audit-truth.ts.
import { streamWavSamples } from '../audio/wav-reader.ts';
import { Fft } from '../align/fft.ts';

export type BandLoudness = { db: Float32Array; frameSec: number };

/** Loudness (dB) of the `lowHz`–`highHz` band of a 16 kHz mono WAV, 25 ms Hann windows every 10 ms. */
export async function bandLoudness(wav: string, lowHz = 300, highHz = 2500): Promise<BandLoudness> {
  const rate = 16_000;
  const hop = 160;
  const size = 512; // 25 ms (400 samples) zero-padded
  const win = 400;
  const fft = new Fft(size);
  const frame = new Float64Array(size);
  const power = new Float64Array(size / 2 + 1);
  const hann = Float64Array.from({ length: win }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (win - 1)));
  const lo = Math.ceil((lowHz * size) / rate);
  const hi = Math.floor((highHz * size) / rate);
  const samples: number[] = [];
  for await (const chunk of streamWavSamples(wav)) for (const s of chunk) samples.push(s / 32768);
  const frames = Math.max(0, Math.floor((samples.length - win) / hop) + 1);
  const db = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    frame.fill(0);
    for (let i = 0; i < win; i++) frame[i] = samples[f * hop + i]! * hann[i]!;
    fft.powerSpectrum(frame, power);
    let e = 0;
    for (let k = lo; k <= hi; k++) e += power[k]!;
    db[f] = 10 * Math.log10(e + 1e-10);
  }
  return { db, frameSec: hop / rate };
}

/**
 * Peaks of the band loudness (smoothed over 50 ms) between `from` and `to` seconds that stand at least
 * `prominenceDb` above the lower of the minima within 150 ms on either side and within `floorDb` of the file's
 * loudest frame: the syllable nuclei. Returns their times.
 */
export function syllableNuclei(band: BandLoudness, from: number, to: number, prominenceDb = 4, floorDb = 35): number[] {
  const { db, frameSec } = band;
  const smooth = new Float32Array(db.length);
  for (let i = 0; i < db.length; i++) {
    let acc = 0;
    let n = 0;
    for (let j = Math.max(0, i - 2); j <= Math.min(db.length - 1, i + 2); j++) {
      acc += db[j]!;
      n++;
    }
    smooth[i] = acc / n;
  }
  let max = -Infinity;
  for (const v of smooth) max = Math.max(max, v);
  const a = Math.max(1, Math.floor(from / frameSec));
  const b = Math.min(smooth.length - 1, Math.ceil(to / frameSec));
  const reach = Math.round(0.15 / frameSec);
  const out: number[] = [];
  for (let i = a; i < b; i++) {
    const v = smooth[i]!;
    if (!(v >= smooth[i - 1]! && v > smooth[i + 1]!) || v < max - floorDb) continue;
    let left = v;
    for (let j = Math.max(a, i - reach); j < i; j++) left = Math.min(left, smooth[j]!);
    let right = v;
    for (let j = i + 1; j <= Math.min(b, i + reach); j++) right = Math.min(right, smooth[j]!);
    if (v - Math.max(left, right) >= prominenceDb) out.push(i * frameSec);
  }
  return out;
}

/**
 * Syllables of Spanish text as read aloud: vowel groups per word (a weak vowel i/u/ü/y next to another vowel
 * joins it unless accented: "ciudad" 2, "envío" 3), with a word's final vowel and the next word's initial vowel
 * read together (synalefa: "la obra" 3). Numbers must be spelled out. An estimate, good to a syllable or two per
 * clause.
 */
export function spanishSyllables(text: string): number {
  const words = text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^a-záéíóúüñ\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const vowel = /[aeiouáéíóúü]/;
  const strong = /[aeoáéóíú]/; // accented weak vowels break a diphthong (hiatus)
  let total = 0;
  let prevEndsInVowel = false;
  for (const w of words) {
    // "y" alone or word-final acts as a vowel.
    const letters = w === 'y' ? 'i' : w.replace(/y$/, 'i');
    let groups = 0;
    let prev = '';
    for (const ch of letters) {
      const isV = vowel.test(ch);
      if (isV && !(vowel.test(prev) && !(strong.test(prev) && strong.test(ch)))) groups++;
      prev = isV ? ch : '';
    }
    const startsWithVowel = vowel.test(letters[0]!) || (letters[0] === 'h' && vowel.test(letters[1] ?? ''));
    if (prevEndsInVowel && startsWithVowel && groups > 0) groups--; // synalefa
    total += groups;
    prevEndsInVowel = groups > 0 && vowel.test(letters[letters.length - 1]!);
  }
  return total;
}
