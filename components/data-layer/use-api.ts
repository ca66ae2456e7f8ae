'use client';
// The one way components read the API: SWR over apiJson. A poll starts only after the previous request ended
// (SWR schedules the next timer then, and shares a request still in flight), so a slow answer never overlaps the
// next poll; errors come back as `error` for ErrorAlert; after a change, call `mutate()` to fetch again.
import useSWR, { useSWRConfig, type KeyedMutator } from 'swr';
import { apiJson } from '../api-client.ts';
import { resolveRefreshInterval, type RefreshInterval } from './refresh-interval.ts';
import { isRetryable } from './retry-policy.ts';

export type ApiResource<T, D> = {
  data: D;
  /** The last fetch failed (cleared by the next success); `data` still holds what was loaded before. */
  error: Error | undefined;
  mutate: KeyedMutator<T>;
};

type Options<T> = {
  /** What the server rendered: shown at once, then kept fresh. */
  initial?: T;
  /** Poll interval in ms (0 or absent: no polling), or a function of the latest data. */
  refreshInterval?: RefreshInterval<T>;
};

/** GET `url` (null: nothing to fetch) as JSON, polled while `refreshInterval` says so. */
export function useApi<T>(url: string | null, options: Options<T> & { initial: T }): ApiResource<T, T>;
export function useApi<T>(url: string | null, options?: Options<T>): ApiResource<T, T | undefined>;
export function useApi<T>(url: string | null, { initial, refreshInterval }: Options<T> = {}): ApiResource<T, T | undefined> {
  // the interval for the data in the cache now, as a number (see resolveRefreshInterval); every change of that
  // data renders this component again, so it is read here, before useSWR hands it back
  const { cache } = useSWRConfig();
  const current = (url === null ? undefined : (cache.get(url)?.data as T | undefined)) ?? initial;
  const swr = useSWR<T, Error>(url, (u: string) => apiJson<T>(u), {
    fallbackData: initial,
    refreshInterval: resolveRefreshInterval(refreshInterval, current),
    // a finished request must not stand in for the next poll (SWR's 2 s default would swallow a 700 ms poll);
    // one still in flight is shared all the same
    dedupingInterval: 0,
    shouldRetryOnError: isRetryable,
  });
  return { data: swr.data ?? initial, error: swr.error, mutate: swr.mutate };
}
