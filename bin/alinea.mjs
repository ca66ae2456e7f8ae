#!/usr/bin/env node
// `npx alinea …`: the CLI is TypeScript sharing lib/ with the app; tsx compiles it on the fly.
import { register } from 'tsx/esm/api';

register();
await import('./cli.ts');
