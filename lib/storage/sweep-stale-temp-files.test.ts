import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sweepStaleTempFiles } from './sweep-stale-temp-files.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function put(file: string, bytes: number, ageMs: number) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, Buffer.alloc(bytes));
  const t = new Date(Date.now() - ageMs);
  await utimes(file, t, t);
}

async function list(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => !e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('sweepStaleTempFiles', () => {
  it('removes temp files untouched for an hour, keeps fresh ones, real files and what links point to', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'alinea-sweep-'));
    const outside = await mkdtemp(path.join(tmpdir(), 'alinea-sweep-outside-'));
    dirs.push(data, outside);
    const hours = 3 * 60 * 60_000;
    await put(path.join(data, 'files/audio/a.wav.1234-abcd1234.part'), 4000, hours); // an upload cut off by a crash
    await put(path.join(data, 'files/.tmp/0b5e.mp3'), 1000, hours);
    await put(path.join(data, 'settings.json.99.tmp'), 10, hours);
    await put(path.join(data, 'files/audio/b.wav.5678-abcd1234.part'), 500, 60_000); // being written now
    await put(path.join(data, 'files/audio/a.wav'), 100, hours);
    await put(path.join(data, 'alinea.db'), 100, hours);
    await put(path.join(outside, 'elsewhere.part'), 10, hours);
    await symlink(outside, path.join(data, 'files/link'));
    const r = await sweepStaleTempFiles(data);
    expect(r).toEqual({ files: 3, bytes: 5010 });
    expect(await list(data)).toEqual(['alinea.db', 'files/audio/a.wav', 'files/audio/b.wav.5678-abcd1234.part', 'files/link']);
    expect(await list(outside)).toEqual(['elsewhere.part']);
  });

  it('does nothing on a missing directory', async () => {
    expect(await sweepStaleTempFiles(path.join(tmpdir(), 'alinea-no-such-dir'))).toEqual({ files: 0, bytes: 0 });
  });
});
