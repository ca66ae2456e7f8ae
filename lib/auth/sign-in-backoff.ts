// Per-account sign-in backoff: after FREE_FAILURES failed sign-ins to one email (within WINDOW of each other),
// the next attempt waits BASE_DELAY, doubling with each further failure up to MAX_DELAY; a success clears it.
// Keyed on the account, not the address, so changing X-Forwarded-For does not help, and an unknown email is
// throttled like a known one (no hint which exist). An attempt counts as a failure when it starts and is cleared
// when it succeeds, so parallel guesses cannot all slip through before the first failure is recorded.
// Kept in memory: the web server is one process (`next start`); a restart forgets it.
export type SignInBackoffOptions = { freeFailures?: number; windowMs?: number; baseDelayMs?: number; maxDelayMs?: number; now?: () => number };

type Entry = { failures: number; last: number };

export class SignInBackoff {
  private readonly entries = new Map<string, Entry>();
  private readonly freeFailures: number;
  private readonly windowMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;

  constructor(opts: SignInBackoffOptions = {}) {
    this.freeFailures = opts.freeFailures ?? 5;
    this.windowMs = opts.windowMs ?? 15 * 60_000;
    this.baseDelayMs = opts.baseDelayMs ?? 60_000;
    this.maxDelayMs = opts.maxDelayMs ?? 15 * 60_000;
    this.now = opts.now ?? Date.now;
  }

  private current(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.last > Math.max(this.windowMs, this.delayAfter(entry.failures))) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private delayAfter(failures: number): number {
    if (failures < this.freeFailures) return 0;
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (failures - this.freeFailures));
  }

  /**
   * Starts an attempt for `email`: the seconds to wait (the attempt is refused and not counted), or 0 (the
   * attempt goes ahead and counts as a failure until `succeeded`).
   */
  attempt(email: string): number {
    const key = email.trim().toLowerCase();
    const now = this.now();
    if (this.entries.size > 10_000) for (const k of [...this.entries.keys()]) this.current(k, now);
    const entry = this.current(key, now);
    if (entry) {
      const wait = entry.last + this.delayAfter(entry.failures) - now;
      if (wait > 0) return Math.ceil(wait / 1000);
    }
    this.entries.set(key, { failures: (entry?.failures ?? 0) + 1, last: now });
    return 0;
  }

  succeeded(email: string): void {
    this.entries.delete(email.trim().toLowerCase());
  }
}

const globalForBackoff = globalThis as unknown as { alineaSignInBackoff?: SignInBackoff };

/** The backoff of this process (kept across Next's module reloads in development). */
export function getSignInBackoff(): SignInBackoff {
  return (globalForBackoff.alineaSignInBackoff ??= new SignInBackoff());
}
