// The watchdog thread's entry: a worker thread starts without the parent's tsx hooks, so it registers them and then
// loads the TypeScript watchdog (lib/jobs/job-watchdog-thread.ts). Under the bundled CLI (bin/cli-bundle.mjs) it
// loads the bundled body instead, which needs no hooks.
const bundled = process.env.ALINEA_BUNDLED_JOB_WATCHDOG;
if (bundled) await import(bundled);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./job-watchdog-thread.ts');
}
