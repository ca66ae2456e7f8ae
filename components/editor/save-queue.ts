// Saves run one at a time, in order, so each request carries the version the previous one returned. A task that
// has not started yet is replaced by a newer one with the same key (a burst of nudges becomes one request); tasks
// read the state they save when they run, not when they were queued.
export type SaveTask = () => Promise<void>;

export class SaveQueue {
  private queue: { key: string; run: SaveTask }[] = [];
  private running = false;
  private listeners = new Set<(pending: number) => void>();

  constructor(private readonly onError: (e: unknown) => void) {}

  enqueue(key: string, run: SaveTask): void {
    const i = this.queue.findIndex((t) => t.key === key);
    if (i >= 0) this.queue[i] = { key, run };
    else this.queue.push({ key, run });
    this.notify();
    void this.pump();
  }

  get pending(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  /** Subscribes to the number of pending saves; returns the unsubscribe function. */
  subscribe(fn: (pending: number) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private notify(): void {
    for (const fn of this.listeners) fn(this.pending);
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let task = this.queue.shift(); task; task = this.queue.shift()) {
        this.notify();
        try {
          await task.run();
        } catch (e) {
          this.onError(e);
        }
      }
    } finally {
      this.running = false;
      this.notify();
    }
  }
}
