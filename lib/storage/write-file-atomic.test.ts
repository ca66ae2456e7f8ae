import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file-atomic.ts';

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
