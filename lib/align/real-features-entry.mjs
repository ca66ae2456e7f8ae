// The audio features thread's entry: a worker thread starts without the parent's tsx hooks, so it registers them
// and then loads the TypeScript thread body (lib/align/real-features-thread.ts).
import { register } from 'tsx/esm/api';

register();
await import('./real-features-thread.ts');
