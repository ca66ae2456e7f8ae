// An `alinea worker` process for integration tests, started with exactly the environment given (plus PATH and
// HOME, for ffmpeg and espeak-ng), so that a test can prove what a worker needs and nothing more. Its output is
// kept; the worker id it claims jobs under is "<host>:<pid>:<random>" (lib/jobs/work-jobs.ts newWorkerId).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type WorkerProcess = {
  child: ChildProcess;
  pid: number;
  /** stdout and stderr so far. */
  log(): string;
  /** Whether a Job.lockedBy value is this process's. */
  owns(lockedBy: string | null): boolean;
  /** Resolves with the exit code (null when ended by a signal) once the process is gone. */
  exited: Promise<number | null>;
  /** SIGTERM (the worker hands its job back after the grace period), then the exit code. */
  stop(): Promise<number | null>;
};

export function startWorkerProcess(env: Record<string, string>, args: string[] = []): WorkerProcess {
  const childEnv: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env };
  const child = spawn(process.execPath, [path.resolve('bin/alinea.mjs'), 'worker', ...args], {
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('could not start the worker process');
  const pid = child.pid;
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d));
  child.stderr!.on('data', (d: Buffer) => (out += d));
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  return {
    child,
    pid,
    log: () => out,
    owns: (lockedBy) => lockedBy !== null && lockedBy.split(':').at(-2) === String(pid),
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
