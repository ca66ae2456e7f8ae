import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishAtomic, writeFileAtomic } from './write-file-atomic.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-atomic-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates missing folders, replaces a file whole and leaves no temp file', async () => {
    const file = path.join(dir, 'a', 'b', 'x.json');
    await writeFileAtomic(file, '{"v":1}');
    await writeFileAtomic(file, new TextEncoder().encode('{"v":2}'));
    expect(await readFile(file, 'utf8')).toBe('{"v":2}');
    expect(await readdir(path.dirname(file))).toEqual(['x.json']);
  });

  it('leaves the old file and no temp file when the rename fails', async () => {
    const target = path.join(dir, 'is-a-dir');
    await writeFile(path.join(dir, 'keep.txt'), 'old');
    await writeFileAtomic(path.join(target, 'inner.txt'), 'x'); // target is now a non-empty folder
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect((await readdir(dir)).filter((n) => n.endsWith('.part'))).toEqual([]);
    expect(await readFile(path.join(dir, 'keep.txt'), 'utf8')).toBe('old');
  });
});

describe('publishAtomic', () => {
  it('publishes what the writer filled and returns its result; a failed writer leaves the old file and no temp', async () => {
    const target = path.join(dir, 'stream', 'out.bin');
    expect(await publishAtomic(target, async (part) => (await writeFile(part, 'one'), 3))).toBe(3);
    await expect(
      publishAtomic(target, async (part) => {
        await writeFile(part, 'half');
        throw new Error('encoder died');
      }),
    ).rejects.toThrow('encoder died');
    expect(await readFile(target, 'utf8')).toBe('one');
    expect(await readdir(path.dirname(target))).toEqual(['out.bin']);
  });

  it('replaces a directory whole; a failed one leaves the old directory', async () => {
    const target = path.join(dir, 'ckpt');
    const fill = (text: string) => async (part: string) => {
      await mkdir(part);
      await writeFile(path.join(part, 'w.bin'), text);
    };
    await publishAtomic(target, fill('v1'), { directory: true });
    await publishAtomic(target, fill('v2'), { directory: true });
    expect(await readdir(target)).toEqual(['w.bin']);
    expect(await readFile(path.join(target, 'w.bin'), 'utf8')).toBe('v2');
    await expect(publishAtomic(target, async (part) => (await fill('v3')(part), Promise.reject(new Error('disk full'))), { directory: true })).rejects.toThrow();
    expect(await readFile(path.join(target, 'w.bin'), 'utf8')).toBe('v2');
    expect((await readdir(dir)).filter((n) => n.endsWith('.part'))).toEqual([]);
  });
});
