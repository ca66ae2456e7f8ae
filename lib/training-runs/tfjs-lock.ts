// tfjs keeps one active backend per process: a check-chapter job selecting its backend while a training run holds
// tensors on another would break the run. With ALINEA_WORKER_CONCURRENCY > 1 the tfjs jobs of this process
// therefore run one at a time (their leases stay alive meanwhile: the heartbeat is outside the handler).
let tail: Promise<unknown> = Promise.resolve();

export function withTfjsLock<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn);
  tail = run.catch(() => {});
  return run;
}
