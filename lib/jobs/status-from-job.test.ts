import { describe, expect, it } from 'vitest';
import { statusFromJob } from './status-from-job.ts';

const at = new Date('2026-11-26T20:00:00Z');

describe('statusFromJob', () => {
  it('takes a failed job’s error and end for a row still marked queued or running', () => {
    expect(statusFromJob({ status: 'running', error: null, finishedAt: null }, { status: 'failed', error: 'disk full', finishedAt: at })).toEqual({
      status: 'failed',
      error: 'disk full',
      finishedAt: at,
      persist: true,
    });
    expect(statusFromJob({ status: 'queued', error: 'old', finishedAt: null }, { status: 'cancelled', error: 'x', finishedAt: at })).toMatchObject({ status: 'cancelled', error: null, persist: true });
  });

  it('shows a queued row whose job runs as running, without writing it', () => {
    expect(statusFromJob({ status: 'queued', error: null, finishedAt: null }, { status: 'running', error: null, finishedAt: null })).toMatchObject({ status: 'running', persist: false });
    // …and a running row whose job waits for a retry as queued
    expect(statusFromJob({ status: 'running', error: null, finishedAt: null }, { status: 'queued', error: 'busy', finishedAt: null })).toMatchObject({ status: 'queued', persist: false });
  });

  it('leaves finished rows and rows without a job alone', () => {
    expect(statusFromJob({ status: 'succeeded', error: null, finishedAt: at }, { status: 'failed', error: 'late', finishedAt: at })).toMatchObject({ status: 'succeeded', persist: false });
    expect(statusFromJob({ status: 'running', error: null, finishedAt: null }, null)).toMatchObject({ status: 'running', persist: false });
  });
});
