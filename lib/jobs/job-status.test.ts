import { describe, expect, it } from 'vitest';
import {
  ACTIVE_JOB_STATUSES,
  DONE_JOB_STATUSES,
  isActive,
  isActiveStatus,
  isDone,
  isDoneStatus,
  isStopped,
  isStoppedStatus,
  JOB_STATUSES,
  STOPPED_JOB_STATUSES,
} from './job-status.ts';

describe('job statuses', () => {
  it('splits the set into active, succeeded and stopped, each status once', () => {
    expect([...ACTIVE_JOB_STATUSES, 'succeeded', ...STOPPED_JOB_STATUSES].sort()).toEqual([...JOB_STATUSES].sort());
  });

  it('calls queued and running active, nothing else', () => {
    expect(JOB_STATUSES.filter(isActiveStatus)).toEqual(['queued', 'running']);
    expect(isActive({ status: 'running' })).toBe(true);
    expect(isActive({ status: 'succeeded' })).toBe(false);
    expect(isActive({ status: 'unknown' })).toBe(false);
    expect(isActive(null)).toBe(false);
    expect(isActive(undefined)).toBe(false);
  });

  it('calls failed and cancelled stopped, nothing else', () => {
    expect(JOB_STATUSES.filter(isStoppedStatus)).toEqual(['failed', 'cancelled']);
    expect(isStopped({ status: 'cancelled' })).toBe(true);
    expect(isStopped({ status: 'queued' })).toBe(false);
    expect(isStopped(null)).toBe(false);
  });

  it('calls succeeded and cancelled done (ended on purpose), not failed', () => {
    expect(JOB_STATUSES.filter(isDoneStatus)).toEqual([...DONE_JOB_STATUSES]);
    expect(DONE_JOB_STATUSES).toEqual(['succeeded', 'cancelled']);
    expect(isDone({ status: 'failed' })).toBe(false);
    expect(isDone({ status: 'cancelled' })).toBe(true);
    expect(isDone(undefined)).toBe(false);
  });
});
