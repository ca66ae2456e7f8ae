import { runWorker } from './worker.ts';
import { disconnectDb } from '../lib/db/client.ts';

await runWorker();
await disconnectDb();
process.exit(0);
