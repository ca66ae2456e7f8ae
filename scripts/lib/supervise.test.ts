// scripts/lib/supervise.sh, as npm start uses it for the web server and the workers: a command that dies is
// started again with a growing delay; one SIGTERM to the supervisor reaches the command once and the supervisor
// waits for it to finish; nothing is left running.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'alinea-supervise-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const lines = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** start.sh's shape: the supervisor in the background of a parent shell; its pid written to `pidFile`. */
function runSupervised(args: string, name: string) {
  const pidFile = path.join(dir, `${name}.pid`);
  const parent = spawn('bash', ['-c', `source scripts/lib/supervise.sh; PARENT=$$; supervise ${args} & echo $! > ${pidFile}; wait`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  parent.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((r) => parent.once('exit', () => r()));
  return { parent, exited, pidFile, stderr: () => stderr };
}

async function waitFor(fn: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('supervise (scripts/lib/supervise.sh)', () => {
  it('starts a command that dies again, after 1, 2, 4 s …', async () => {
    const log = path.join(dir, 'starts.log');
    const s = runSupervised(`1 30 1 bash -c 'date +%s.%N >> ${log}; exit 3'`, 'dies');
    await waitFor(() => lines(log).length >= 3, 15_000, 'three starts');
    const t = lines(log).map(Number);
    expect(t[1]! - t[0]!).toBeGreaterThanOrEqual(0.9);
    expect(t[2]! - t[1]!).toBeGreaterThanOrEqual(1.9);
    expect(s.stderr()).toContain('exited; restarting in 1 s');
    expect(s.stderr()).toContain('restarting in 2 s');
    process.kill(Number(readFileSync(s.pidFile, 'utf8')), 'SIGTERM');
    await s.exited;
  }, 30_000);

  it('passes one SIGTERM to the running command, waits until it has finished, and stops; nothing left running', async () => {
    const log = path.join(dir, 'stop.log');
    const pidLog = path.join(dir, 'child.pid');
    // A command that needs a moment to wind down after SIGTERM (as a worker handing its job back does).
    const cmd = `bash -c 'echo $$ > ${pidLog}; trap "sleep 0.5; echo wound-down >> ${log}; exit 0" TERM; while :; do sleep 0.1; done'`;
    const s = runSupervised(`2 2 0 ${cmd}`, 'stop');
    await waitFor(() => existsSync(pidLog) && existsSync(s.pidFile), 10_000, 'the command to start');
    const child = Number(readFileSync(pidLog, 'utf8'));
    const supervisor = Number(readFileSync(s.pidFile, 'utf8'));
    expect(alive(child)).toBe(true);
    process.kill(supervisor, 'SIGINT'); // a terminal's Ctrl+C reaching the supervisor does not stop it
    await sleep(300);
    expect(alive(child)).toBe(true);
    process.kill(supervisor, 'SIGTERM');
    await s.exited;
    expect(lines(log)).toEqual(['wound-down']); // the command finished before the supervisor (and its parent) exited
    expect(alive(child)).toBe(false);
    expect(s.stderr()).not.toContain('restarting');
  }, 30_000);
});
