import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client.ts';
import { isRetryable } from './retry-policy.ts';

describe('isRetryable', () => {
  it('retries what may pass next time: no answer, a timeout, a rate limit, a server error', () => {
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
    for (const status of [0, 408, 429, 500, 502, 503]) expect(isRetryable(new ApiError('x', status))).toBe(true);
  });

  it('does not retry an answer that will not change: bad input, signed out, forbidden, gone, conflict', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 415]) expect(isRetryable(new ApiError('x', status))).toBe(false);
  });
});
