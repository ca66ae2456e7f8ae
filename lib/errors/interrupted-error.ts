// Work stopped from outside, not because its input is bad: a child process ended by a signal, or a worker that
// is stopping. A job that fails with it is handed back (its worker is stopping) or retried; it is never a
// diagnosis of the file, the text or the voice.
export class InterruptedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InterruptedError';
  }
}

export function isInterruptedError(e: unknown): e is InterruptedError {
  return e instanceof InterruptedError;
}
