// The chapter page's table is server-rendered: it is reloaded once, when the check the page was following ends well.
import { isActive } from '@/lib/jobs/job-status.ts';

type Check = { jobId: string; status: string };

/** `prev` (what the page showed) was queued or running and `next` is that same check, succeeded. */
export function checkJustSucceeded(prev: Check | null, next: Check | null): boolean {
  return prev !== null && isActive(prev) && next !== null && next.jobId === prev.jobId && next.status === 'succeeded';
}
