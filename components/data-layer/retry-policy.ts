// Whether a failed GET is worth fetching again: the server's answer to a bad request, a missing row or a refused
// permission stays the same, so only network errors, 5xx, 408 (timeout) and 429 (rate limit) are retried.
import { ApiError } from '../api-client.ts';

export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  const s = error.status;
  return s === 0 || s === 408 || s === 429 || s >= 500;
}
