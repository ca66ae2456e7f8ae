// What a password must be: at least 10 characters and not easy to guess. "Easy" is zxcvbn's estimate (zxcvbn-ts
// with its common-password and diceware lists, offline): score 3 of 4 or better, i.e. ~10^8 guesses or more,
// which refuses `12345678`, `password`, `Password2024!`, keyboard walks, dates and repeats, and accepts a few
// unrelated words ("tide lamp orchard").
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-length.ts';

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

// zxcvbn's warning keys, said for people
const WHY: Record<string, string> = {
  topTen: 'it is one of the ten most used passwords',
  topHundred: 'it is one of the hundred most used passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is a common password with small changes',
  straightRow: 'it is a row of keys',
  keyPattern: 'it is a keyboard pattern',
  simpleRepeat: 'it repeats characters',
  extendedRepeat: 'it repeats a pattern',
  sequences: 'it is a sequence like abc or 123',
  recentYears: 'it is built on a recent year',
  dates: 'it is built on a date',
  userInputs: 'it contains the email address or the studio\'s name',
  wordByItself: 'it is a single word',
  namesByThemselves: 'it is a name',
  commonNames: 'it is a common name',
};

/**
 * Why `password` is refused, or null when it is good enough. `userInputs` (the email, its parts) make a
 * password built on them weak too.
 */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Passwords have at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Passwords have at most ${MAX_PASSWORD_LENGTH} characters.`;
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const result: ZxcvbnResult = estimator.check(password, ['alinea', ...userInputs]);
  if (result.score >= MIN_SCORE) return null;
  const why = (result.feedback.warning && WHY[result.feedback.warning]) || 'it would be guessed quickly';
  return `This password is too easy to guess (${why}). Choose a longer one: a few unrelated words make a good password.`;
}
