import type { Db } from '../db/client.ts';

/** The client handed to a `$transaction` callback. */
export type ReviewTx = Parameters<Parameters<Db['$transaction']>[0]>[0];
