// Every child process of the domain (ffmpeg, ffprobe, espeak-ng) starts here. It runs in its own process group,
// so a Ctrl+C in the terminal or a SIGTERM to the worker's group never reaches it: the worker decides when its
// work stops. It is ended, group and all, when its AbortSignal fires or when this process exits (no orphans).
// A child ended by a signal is an InterruptedError, never a diagnosis of its input.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { InterruptedError } from '../errors/interrupted-error.ts';

export type StartChildOptions = {
  /** Text written to stdin, then closed; without it (and without streamInput) stdin is closed at once. */
  input?: string;
  /** The caller writes stdin itself (`child.stdin`) and ends it. */
  streamInput?: boolean;
  /** stdout as it comes (utf8); without it (and without onStdoutBytes) stdout is discarded. */
  onStdout?: (chunk: string) => void;
  /** stdout as it comes, as bytes (a tool writing samples to pipe:1). */
  onStdoutBytes?: (chunk: Buffer) => void;
  /** Ends the child (its whole group); `exit` then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** How much of stderr's end to keep; default 16 KiB. */
  stderrKeep?: number;
  /** The package that provides the command, for the "is it installed?" message (ffprobe → ffmpeg). */
  packageName?: string;
};

export type ChildExit = { code: number; stderr: string };

export type RunningChild = {
  child: ChildProcessWithoutNullStreams;
  /**
   * The exit code (zero or not) and stderr's tail. Rejects when the command could not start, when `signal`
   * fired (with its reason), or when the child was ended by a signal (InterruptedError).
   */
  exit: Promise<ChildExit>;
  /** Ends the child's process group now. */
  kill(): void;
};

// Process group ids of the children still running; killed when this process exits.
const running = new Set<number>();
let hooksInstalled = false;

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => running.forEach(killGroup));
  // A process that does not handle SIGINT/SIGTERM itself (the CLI) dies of it as before, after ending its
  // children, which the signal no longer reaches. One that does (the worker) decides itself.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = (): void => {
      if (process.listenerCount(sig) > 1) return;
      running.forEach(killGroup);
      process.removeListener(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export function startChild(command: string, args: string[], opts: StartChildOptions = {}): RunningChild {
  opts.signal?.throwIfAborted();
  installHooks();
  // detached: the child leads a new process group (and session), out of reach of the terminal's signals.
  const child = spawn(command, args, { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid !== undefined) running.add(pid);
  const kill = (): void => {
    if (pid !== undefined && running.has(pid)) killGroup(pid);
  };
  const keep = opts.stderrKeep ?? 16_384;

  const exit = new Promise<ChildExit>((resolve, reject) => {
    let stderr = '';
    let stopped: { reason: unknown } | null = null;
    const onAbort = (): void => {
      stopped ??= { reason: opts.signal?.reason };
      kill();
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const done = (): void => {
      opts.signal?.removeEventListener('abort', onAbort);
      if (pid !== undefined) running.delete(pid);
    };

    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-keep);
    });
    if (opts.onStdout) child.stdout.setEncoding('utf8').on('data', opts.onStdout);
    else if (opts.onStdoutBytes) child.stdout.on('data', opts.onStdoutBytes);
    else child.stdout.resume();
    // EPIPE when the child exits before reading all its input: its exit code and stderr tell the story.
    child.stdin.on('error', () => undefined);
    if (opts.input !== undefined) child.stdin.end(opts.input, 'utf8');
    else if (!opts.streamInput) child.stdin.end();

    child.on('error', (err) => {
      done();
      reject(new Error(`Could not run ${command} (is ${opts.packageName ?? command} installed?): ${err.message}`));
    });
    child.on('close', (code, signal) => {
      done();
      if (stopped) return reject(stopped.reason);
      if (code === null) return reject(interruptedChildError(command, signal));
      resolve({ code, stderr });
    });
  });
  return { child, exit, kill };
}

/** The error for a child that a signal ended: interrupted from outside, not a problem with what it was given. */
export function interruptedChildError(command: string, signal: NodeJS.Signals | null): InterruptedError {
  return new InterruptedError(
    `${command} was interrupted (ended by ${signal ?? 'a signal'}) before it finished; nothing is wrong with its input. ` +
      'The job runs it again when it is retried.',
  );
}
