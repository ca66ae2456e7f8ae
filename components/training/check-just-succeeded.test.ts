import { describe, expect, it } from 'vitest';
import { checkJustSucceeded } from './check-just-succeeded.ts';

const c = (jobId: string, status: string) => ({ jobId, status });

describe('checkJustSucceeded', () => {
  it('is true once, when the followed check goes from queued or running to succeeded', () => {
    expect(checkJustSucceeded(c('j1', 'running'), c('j1', 'succeeded'))).toBe(true);
    expect(checkJustSucceeded(c('j1', 'queued'), c('j1', 'succeeded'))).toBe(true);
    expect(checkJustSucceeded(c('j1', 'succeeded'), c('j1', 'succeeded'))).toBe(false);
  });

  it('is false for a check found already finished, another check, or one that failed', () => {
    expect(checkJustSucceeded(null, c('j1', 'succeeded'))).toBe(false);
    expect(checkJustSucceeded(c('j1', 'running'), c('j2', 'succeeded'))).toBe(false);
    expect(checkJustSucceeded(c('j1', 'running'), c('j1', 'failed'))).toBe(false);
    expect(checkJustSucceeded(c('j1', 'running'), null)).toBe(false);
  });
});
