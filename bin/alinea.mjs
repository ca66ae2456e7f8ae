#!/usr/bin/env node
// `npx alinea …`: the CLI is TypeScript sharing lib/ with the app; tsx compiles it on the fly.
import { register } from 'tsx/esm/api';

// files and folders this process (and ffmpeg, espeak-ng …) creates are private: 600/700 (lib/config/make-data-private.ts)
process.umask(0o077);
register();
await import('./cli.ts');
