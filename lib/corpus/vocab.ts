// vocab.txt: one token per line, id = line number (0-based).
//   line 0      `<blank>`  the CTC blank (blank_index=0 in tf.nn.ctc_loss terms); also the natural padding
//                          value for batched targets. Never produced by textToTargets.
//   lines 1..n  the alphabet's characters in the given order; the space is written `<space>` (as ESPnet does)
//                          so that no line is blank or whitespace-only, which editors and `strip()` would eat.
// There is no <unk>: transcripts are normalised to the alphabet, so an unknown character is a bug upstream and
// textToTargets throws instead of hiding it.
import { AppError } from '../errors/app-error.ts';

export const BLANK_TOKEN = '<blank>';
export const SPACE_TOKEN = '<space>';

/** The lines of vocab.txt for an alphabet (e.g. TRANSCRIPT_ALPHABET). Write them joined by '\n' plus a final '\n'. */
export function buildVocab(alphabet: string): string[] {
  const lines = [BLANK_TOKEN];
  const seen = new Set<string>();
  for (const char of alphabet) {
    if (seen.has(char)) throw new AppError('INVALID_INPUT', `The alphabet lists "${char}" twice. List each character once.`);
    if (/[\r\n\t\v\f\u2028\u2029]/u.test(char) || /\p{M}/u.test(char)) {
      throw new AppError('INVALID_INPUT', `The alphabet contains ${codePoint(char)}, which cannot be a vocabulary line.`);
    }
    seen.add(char);
    lines.push(char === ' ' ? SPACE_TOKEN : char);
  }
  if (lines.length === 1) throw new AppError('INVALID_INPUT', 'The alphabet is empty.');
  return lines;
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

const INDEX = new WeakMap<readonly string[], Map<string, number>>();

function indexOf(vocab: readonly string[]): Map<string, number> {
  let m = INDEX.get(vocab);
  if (!m) {
    m = new Map();
    for (let id = 1; id < vocab.length; id++) {
      const token = vocab[id]!;
      m.set(token === SPACE_TOKEN ? ' ' : token, id);
    }
    INDEX.set(vocab, m);
  }
  return m;
}

/** Character ids of `text` per `vocab` (the lines from buildVocab); one id per code point. */
export function textToTargets(text: string, vocab: readonly string[]): number[] {
  const ids = indexOf(vocab);
  const out: number[] = [];
  for (const char of text) {
    const id = ids.get(char);
    if (id === undefined) {
      throw new AppError(
        'INVALID_INPUT',
        `Character "${char}" (${codePoint(char)}) in "${text.length > 60 ? `${text.slice(0, 60)}…` : text}" is not in ` +
          'the vocabulary. Normalise the transcript (normaliseSpanish) or add the character to the alphabet.',
        { char, codePoint: codePoint(char) },
      );
    }
    out.push(id);
  }
  return out;
}

/** The text of character ids (the inverse of textToTargets; `<blank>` ids are dropped). */
export function targetsToText(targets: ArrayLike<number | bigint>, vocab: readonly string[]): string {
  let s = '';
  for (let i = 0; i < targets.length; i++) {
    const id = Number(targets[i]!);
    if (id === 0) continue;
    const token = vocab[id];
    if (token === undefined) throw new AppError('INVALID_INPUT', `Target id ${id} is outside the vocabulary (0–${vocab.length - 1}).`);
    s += token === SPACE_TOKEN ? ' ' : token;
  }
  return s;
}
