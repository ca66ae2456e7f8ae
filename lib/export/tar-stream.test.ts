import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tarSize, tarStream, type TarEntry } from './tar-stream.ts';

const run = promisify(execFile);
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'alinea-tar-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('writes a ustar archive that tar extracts byte for byte, of the announced size', async () => {
  const long = `${'a'.repeat(90)}/${'b'.repeat(60)}/año-ñ.txt`;
  const contents: Record<string, Buffer> = {
    'dataset.json': Buffer.from('{"x":1}\n'),
    'empty.txt': Buffer.alloc(0),
    'tfrecord/train-00000-of-00001.tfrecord': Buffer.alloc(512 * 3, 7),
    [long]: Buffer.from('largo'),
  };
  const entries: TarEntry[] = [];
  for (const [name, body] of Object.entries(contents)) {
    const file = path.join(dir, 'src', name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body);
    entries.push({ name: `exp/${name}`, bytes: body.length, open: () => createReadStream(file) });
  }
  const chunks: Buffer[] = [];
  for await (const c of tarStream(entries)) chunks.push(c);
  const tar = Buffer.concat(chunks);
  expect(tar.length).toBe(tarSize(entries));
  await writeFile(path.join(dir, 'a.tar'), tar);
  await mkdir(path.join(dir, 'x'));
  await run('tar', ['-xf', path.join(dir, 'a.tar'), '-C', path.join(dir, 'x')]);
  for (const [name, body] of Object.entries(contents)) {
    expect((await readFile(path.join(dir, 'x', 'exp', name))).equals(body), name).toBe(true);
  }
});

it('fails when a file changed size after listing', async () => {
  const file = path.join(dir, 'changing.bin');
  await writeFile(file, Buffer.alloc(100));
  const it = tarStream([{ name: 'c.bin', bytes: 50, open: () => createReadStream(file) }]);
  await expect((async () => { for await (const _ of it) void _; })()).rejects.toThrow(/changed/);
});
