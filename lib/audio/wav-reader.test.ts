import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { openWav, streamWavSamples } from './wav-reader.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-wav-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Chunk = { id: string; body: Buffer };

function chunk(id: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(id, 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body, Buffer.alloc(body.length % 2)]); // pad to even
}

function fmtBody(sampleRate: number, channels: number, bits = 16, format = 1): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(format, 0);
  b.writeUInt16LE(channels, 2);
  b.writeUInt32LE(sampleRate, 4);
  b.writeUInt32LE((sampleRate * channels * bits) / 8, 8);
  b.writeUInt16LE((channels * bits) / 8, 12);
  b.writeUInt16LE(bits, 14);
  return b;
}

function pcm(samples: ArrayLike<number>): Buffer {
  const b = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) b.writeInt16LE(samples[i]!, i * 2);
  return b;
}

function riff(chunks: Chunk[], magic = 'RIFF'): Buffer {
  const body = Buffer.concat([Buffer.from('WAVE', 'latin1'), ...chunks.map((c) => chunk(c.id, c.body))]);
  const head = Buffer.alloc(8);
  head.write(magic, 0, 'latin1');
  head.writeUInt32LE(magic === 'RF64' ? 0xffffffff : body.length, 4);
  return Buffer.concat([head, body]);
}

async function write(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

async function collect(gen: AsyncGenerator<Int16Array>): Promise<{ all: number[]; sizes: number[] }> {
  const all: number[] = [];
  const sizes: number[] = [];
  for await (const c of gen) {
    sizes.push(c.length);
    all.push(...c);
  }
  return { all, sizes };
}

const ramp = Array.from({ length: 1001 }, (_, i) => (i * 37) % 65536 - 32768);

describe('openWav', () => {
  it('skips a LIST chunk (odd size, padded) before data', async () => {
    const list = Buffer.from('INFOISFT\x05\x00\x00\x00Lavf\x00', 'latin1'); // 17 bytes → 1 pad byte
    const file = await write(
      'list.wav',
      riff([
        { id: 'fmt ', body: fmtBody(16000, 1) },
        { id: 'LIST', body: list },
        { id: 'data', body: pcm(ramp) },
      ]),
    );
    const info = await openWav(file);
    expect(info).toMatchObject({ sampleRate: 16000, channels: 1, bitsPerSample: 16, audioFormat: 1, blockAlign: 2 });
    expect(info.dataOffset).toBe(12 + 24 + 8 + 18 + 8);
    expect(info.dataBytes).toBe(2002);
    expect(info.samples).toBe(1001);
    expect((await collect(streamWavSamples(file))).all).toEqual(ramp);
  });

  it('trusts the file size when a streaming writer left the data size unset', async () => {
    const bytes = riff([
      { id: 'fmt ', body: fmtBody(8000, 1) },
      { id: 'data', body: pcm([1, 2, 3, 4]) },
    ]);
    bytes.writeUInt32LE(0xffffffff, bytes.indexOf('data', 0, 'latin1') + 4);
    const info = await openWav(await write('streamed.wav', bytes));
    expect(info.samples).toBe(4);
    expect(info.dataBytes).toBe(8);
  });

  it('reads RF64 sizes from the ds64 chunk', async () => {
    const ds64 = Buffer.alloc(28);
    ds64.writeBigUInt64LE(BigInt(3 * 2), 8); // data size
    const bytes = riff(
      [
        { id: 'ds64', body: ds64 },
        { id: 'fmt ', body: fmtBody(16000, 1) },
        { id: 'data', body: pcm([7, 8, 9]) },
      ],
      'RF64',
    );
    bytes.writeUInt32LE(0xffffffff, bytes.indexOf('data', 0, 'latin1') + 4);
    const file = await write('rf64.wav', bytes);
    expect((await openWav(file)).samples).toBe(3);
    expect((await collect(streamWavSamples(file))).all).toEqual([7, 8, 9]);
  });

  it('resolves WAVE_FORMAT_EXTENSIBLE to its PCM sub-format', async () => {
    const ext = Buffer.alloc(40);
    fmtBody(16000, 1).copy(ext);
    ext.writeUInt16LE(0xfffe, 0);
    ext.writeUInt16LE(22, 16); // cbSize
    ext.writeUInt16LE(16, 18); // valid bits
    ext.writeUInt16LE(1, 24); // sub-format GUID starts with 0x0001 = PCM
    const file = await write('ext.wav', riff([{ id: 'fmt ', body: ext }, { id: 'data', body: pcm([5, -5]) }]));
    expect((await openWav(file)).audioFormat).toBe(1);
    expect((await collect(streamWavSamples(file))).all).toEqual([5, -5]);
  });

  it.each([
    ['text.wav', Buffer.from('this is not a wav file at all, just some text')],
    ['nodata.wav', riff([{ id: 'fmt ', body: fmtBody(16000, 1) }])],
    ['short.wav', Buffer.from('RIFF')],
  ])('rejects %s as unsupported media naming the file', async (name, bytes) => {
    const err = await openWav(await write(name, bytes)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UNSUPPORTED_MEDIA');
    expect((err as AppError).message).toContain(`"${name}"`);
  });
});

describe('streamWavSamples', () => {
  let mono: string;
  let stereo: string;
  beforeAll(async () => {
    mono = await write('mono.wav', riff([{ id: 'fmt ', body: fmtBody(16000, 1) }, { id: 'data', body: pcm(ramp) }]));
    stereo = await write(
      'stereo.wav',
      riff([{ id: 'fmt ', body: fmtBody(44100, 2) }, { id: 'data', body: pcm(ramp.slice(0, 1000)) }]),
    );
  });

  it('yields chunks of chunkSamples frames, the last one shorter', async () => {
    const { all, sizes } = await collect(streamWavSamples(mono, { chunkSamples: 7 }));
    expect(all).toEqual(ramp);
    expect(sizes.slice(0, -1).every((s) => s === 7)).toBe(true);
    expect(sizes.at(-1)).toBe(1001 % 7 || 7);
  });

  it('reads only the requested frame range', async () => {
    expect((await collect(streamWavSamples(mono, { start: 10, end: 20, chunkSamples: 3 }))).all).toEqual(
      ramp.slice(10, 20),
    );
    expect((await collect(streamWavSamples(mono, { start: 995 }))).all).toEqual(ramp.slice(995));
    expect((await collect(streamWavSamples(mono, { start: 2000 }))).all).toEqual([]);
  });

  it('counts start/end in frames and keeps stereo frames whole', async () => {
    const { all, sizes } = await collect(streamWavSamples(stereo, { start: 100, end: 205, chunkSamples: 10 }));
    expect(all).toEqual(ramp.slice(200, 410));
    expect(sizes.every((s) => s % 2 === 0)).toBe(true);
  });

  it('refuses anything but 16-bit PCM', async () => {
    const file = await write(
      'u8.wav',
      riff([{ id: 'fmt ', body: fmtBody(8000, 1, 8) }, { id: 'data', body: Buffer.from([128, 129]) }]),
    );
    await expect(collect(streamWavSamples(file))).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
  });
});
