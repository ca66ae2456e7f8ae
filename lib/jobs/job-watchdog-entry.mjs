// The watchdog thread's entry: a worker thread starts without the parent's tsx hooks, so it registers them and then
// loads the TypeScript watchdog (lib/jobs/job-watchdog-thread.ts).
import { register } from 'tsx/esm/api';

register();
await import('./job-watchdog-thread.ts');
