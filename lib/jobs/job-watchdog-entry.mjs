// The watchdog thread's entry: its body is lib/jobs/job-watchdog-thread.ts (see loadThreadBody).
import { loadThreadBody } from '../process/load-thread-body.mjs';

await loadThreadBody('ALINEA_BUNDLED_JOB_WATCHDOG', new URL('./job-watchdog-thread.ts', import.meta.url).href);
