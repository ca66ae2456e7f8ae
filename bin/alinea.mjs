#!/usr/bin/env node
// `npx alinea …`: the CLI is TypeScript sharing lib/ with the app. It runs from an esbuild bundle made on first use
// and remade when a source changes (bin/cli-bundle.mjs); failing that, tsx compiles it on the fly.
import { pathToFileURL } from 'node:url';
import { bundledCli } from './cli-bundle.mjs';

// files and folders this process (and ffmpeg, espeak-ng …) creates are private: 600/700 (lib/config/make-data-private.ts)
process.umask(0o077);
const bundle = await bundledCli();
if (bundle) await import(pathToFileURL(bundle.cli).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./cli.ts');
}
