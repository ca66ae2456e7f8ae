// The audio features thread's entry: a worker thread starts without the parent's tsx hooks, so it registers them
// and then loads the TypeScript thread body (lib/align/real-features-thread.ts). Under the bundled CLI
// (bin/cli-bundle.mjs) the thread loads the bundled body instead, which needs no hooks.
const bundled = process.env.ALINEA_BUNDLED_REAL_FEATURES;
if (bundled) await import(bundled);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./real-features-thread.ts');
}
