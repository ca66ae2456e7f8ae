// Opening punctuation that may stand between a sentence end and the first word: "—¿Sr. …", "«D. …".
const OPENERS = /[\s¿¡«"“‘'(\[—–-]+$/u;
// Closing quotes after the full stop: «… tarde.» Sr. López …
const CLOSERS = /[»"”’')\]]+$/u;

/** True when a word written right after `before` starts a sentence (start of text or after . ! ? …). */
export function isSentenceStart(before: string): boolean {
  const trimmed = before.replace(OPENERS, '');
  if (trimmed === '') return true;
  return /[.!?…]$/u.test(trimmed.replace(CLOSERS, ''));
}

export function capitaliseFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('es') + text.slice(1);
}
