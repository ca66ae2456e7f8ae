// PostgreSQL: a connection of its own that LISTENs for notifyJobsQueued, so an idle worker sleeps until a job is
// queued instead of polling the table every half second from every machine. Its poll stays as the fallback (jobs
// whose backoff or lease ran out notify no one, and a notification may be lost while the connection is down);
// a dropped connection is reopened, with backoff, while the worker polls at the short interval meanwhile.
// It uses `pg` (the driver under @prisma/adapter-pg) directly: Prisma has no LISTEN. LISTEN needs a session of its
// own: behind a transaction-pooling PgBouncer no notification arrives and workers fall back to the poll.
import pg from 'pg';
import { JOBS_CHANNEL } from './notify-jobs-queued.ts';

export type JobWakeups = {
  /** Counts notifications: take it before claiming, hand it to wait() so one arriving meanwhile is not missed. */
  readonly seen: number;
  /** Whether the LISTEN connection is up (else waits are the caller's short poll). */
  readonly listening: boolean;
  /** Resolves at the next notification after `since`, after `ms`, or when `signal` aborts, whichever is first. */
  wait(ms: number, since: number, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
};

export async function listenForJobs(connectionString: string, opts: { onError?: (e: Error) => void } = {}): Promise<JobWakeups> {
  let seen = 0;
  let client: pg.Client | undefined;
  let closed = false;
  let retryMs = 500;
  let reconnect: ReturnType<typeof setTimeout> | undefined;
  const waiters = new Set<() => void>();
  const wakeAll = () => {
    seen++;
    for (const w of waiters) w();
  };

  const open = async (): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (n) => {
      if (n.channel === JOBS_CHANNEL) wakeAll();
    });
    c.on('error', (e) => {
      opts.onError?.(e);
      drop(c);
    });
    c.on('end', () => drop(c));
    await c.connect();
    await c.query(`LISTEN ${JOBS_CHANNEL}`);
    if (closed) {
      await c.end();
      return;
    }
    client = c;
    retryMs = 500;
    wakeAll(); // notifications sent while it was down are lost: have the workers look once
  };
  const drop = (c: pg.Client) => {
    if (client !== c) return;
    client = undefined;
    c.end().catch(() => undefined);
    scheduleReconnect();
  };
  const scheduleReconnect = () => {
    if (closed || reconnect) return;
    reconnect = setTimeout(() => {
      reconnect = undefined;
      open().catch((e: Error) => {
        opts.onError?.(e);
        retryMs = Math.min(retryMs * 2, 30_000);
        scheduleReconnect();
      });
    }, retryMs);
  };

  await open().catch((e: Error) => {
    // the worker still polls; the listener comes up when the server lets it
    opts.onError?.(e);
    scheduleReconnect();
  });
  return {
    get seen() {
      return seen;
    },
    get listening() {
      return client !== undefined;
    },
    wait(ms, since, signal) {
      if (seen !== since || signal?.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        waiters.add(done);
        signal?.addEventListener('abort', done, { once: true });
      });
    },
    async close() {
      closed = true;
      clearTimeout(reconnect);
      for (const w of [...waiters]) w();
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
