// A worker thread's entry loads its body: the bundled one when the bundled CLI (bin/cli-bundle.mjs) named it in
// `envName`, else the TypeScript source through tsx (a worker thread starts without the parent's tsx hooks).
export async function loadThreadBody(envName, sourceUrl) {
  const bundled = process.env[envName];
  if (bundled) return import(bundled);
  const { register } = await import('tsx/esm/api');
  register();
  return import(sourceUrl);
}
