// When a polled resource is fetched again: pure, so the choice is unit-tested apart from SWR and React.

/** Milliseconds until the next poll (0: do not poll), fixed or chosen from the latest data. */
export type RefreshInterval<T> = number | ((data: T | undefined) => number);

/**
 * The interval for the data on screen now. useApi hands SWR this number rather than the function: SWR stops its
 * timer when an interval is 0 and never asks the function again, so a job started later (a mutate that makes the
 * data active) would not be followed; a changed number restarts the timer.
 */
export function resolveRefreshInterval<T>(interval: RefreshInterval<T> | undefined, data: T | undefined): number {
  const ms = typeof interval === 'function' ? interval(data) : (interval ?? 0);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/** Poll every `activeMs` while `isActive(data)`, every `idleMs` otherwise (0: stop); no data yet counts as idle. */
export function whileActive<T>(isActive: (data: T) => boolean, activeMs: number, idleMs = 0): (data: T | undefined) => number {
  return (data) => (data !== undefined && isActive(data) ? activeMs : idleMs);
}
