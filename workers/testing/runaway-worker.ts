// A worker process running only the test job types of runaway-jobs.ts, for workers/worker-runaway.test.ts:
// `node --import tsx workers/testing/runaway-worker.ts`.
import { createJobRegistry } from '../../lib/jobs/create-job-registry.ts';
import { runWorker } from '../worker.ts';
import { busyJob, busyLimitedJob } from './runaway-jobs.ts';

await runWorker({ registry: createJobRegistry([busyLimitedJob, busyJob]), stopGraceMs: 1000 });
process.exit(0);
