import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isInterruptedError } from '../errors/interrupted-error.ts';
import { interruptedChildError, startChild } from './start-child.ts';

/** Process ids whose command line contains `marker`. */
function pidsOf(marker: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/** A unique `sleep` argument to find a child by (sleep accepts fractional seconds). */
const sleepArg = () => `30.${Math.floor(Math.random() * 1e9)}`;

describe('startChild', () => {
  it('resolves with the exit code and the end of stderr, and passes input on stdin', async () => {
    let out = '';
    const { code, stderr } = await startChild('sh', ['-c', 'cat; echo oops >&2; exit 3'], {
      input: 'hola',
      onStdout: (d) => (out += d),
    }).exit;
    expect(code).toBe(3);
    expect(stderr).toBe('oops\n');
    expect(out).toBe('hola');
  });

  it('runs the child in its own process group, out of reach of its parent group’s signals', async () => {
    const { child, exit, kill } = startChild('sleep', [sleepArg()]);
    // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"
    const pgrp = Number(readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[2]);
    expect(pgrp).toBe(child.pid);
    expect(pgrp).not.toBe(Number(readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')[2]));
    kill();
    await expect(exit).rejects.toSatisfy(isInterruptedError);
  });

  it('maps an exit by signal to an InterruptedError that names the signal, not the input', async () => {
    const err = await startChild('sh', ['-c', 'kill -TERM $$']).exit.catch((e: unknown) => e);
    expect(isInterruptedError(err)).toBe(true);
    expect((err as Error).message).toMatch(/^sh was interrupted \(ended by SIGTERM\)/);
    expect(interruptedChildError('espeak-ng', null).message).toMatch(/^espeak-ng was interrupted \(ended by a signal\).*nothing is wrong with its input/);
  });

  it('ends the whole group on abort, grandchildren included, and rejects with the abort reason', async () => {
    const marker = sleepArg();
    const controller = new AbortController();
    const { exit } = startChild('sh', ['-c', `sleep ${marker} & sleep ${marker}; wait`], { signal: controller.signal });
    for (let i = 0; i < 100 && pidsOf(marker).length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(pidsOf(marker).length).toBeGreaterThanOrEqual(3); // sh and its two sleeps
    const reason = new Error(`stop ${randomUUID()}`);
    controller.abort(reason);
    await expect(exit).rejects.toBe(reason);
    for (let i = 0; i < 100 && pidsOf(marker).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(pidsOf(marker)).toEqual([]);
  });

  it('says which package to install when the command is missing', async () => {
    await expect(startChild('alinea-no-such-command', [], { packageName: 'ffmpeg' }).exit).rejects.toThrow(
      /Could not run alinea-no-such-command \(is ffmpeg installed\?\)/,
    );
  });
});
