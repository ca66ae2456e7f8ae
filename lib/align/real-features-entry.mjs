// The audio features thread's entry: its body is lib/align/real-features-thread.ts (see loadThreadBody).
import { loadThreadBody } from '../process/load-thread-body.mjs';

await loadThreadBody('ALINEA_BUNDLED_REAL_FEATURES', new URL('./real-features-thread.ts', import.meta.url).href);
