// ZIP bombs: the total an upload's entries inflate to, and its compression ratio, are capped; the bytes really
// inflated are counted (not the headers' claims); the error names the upload, and nothing of it is kept.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { buildTestZip } from '../text/test-zip.ts';
import { createProject } from './create-project.ts';
import { createBook } from './create-book.ts';
import { addBookAudio } from './add-book-audio.ts';
import { readAudioZip } from './extract-audio-zip.ts';

// uploads of at most 1 MB (per file): a ZIP's entries may inflate to 2 MB in all
const env = useTestEnv({ env: { ALINEA_MAX_UPLOAD_MB: '1' } });
const silence = (bytes: number) => new Uint8Array(bytes); // zeros: deflate shrinks them ~1000×

async function drain(stream: Readable): Promise<number> {
  let n = 0;
  for await (const chunk of stream) n += (chunk as Buffer).length;
  return n;
}

function filesUnder(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name) : [];
}

describe('ZIP bombs', () => {
  it('a small ZIP of many highly compressible entries is refused by name, and nothing of it is kept', async () => {
    const { id: projectId } = await createProject({ name: 'bombs' });
    const book = await createBook({ projectId, title: 'Bomb' });
    // 12 entries of 1 MB - 1 byte each (each under the per-file limit): 12 MB from a ~12 KB ZIP
    const entries = Array.from({ length: 12 }, (_, i) => ({ name: `part_${String(i).padStart(2, '0')}.wav`, data: silence(1024 * 1024 - 1), deflate: true }));
    const zip = Buffer.from(buildTestZip(entries));
    expect(zip.length).toBeLessThan(20 * 1024);
    await expect(addBookAudio(book.id, 'librivox_64kb_mp3.zip', Readable.from([zip]))).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringMatching(/^librivox_64kb_mp3\.zip unpacks to 12 MB \(more than 2 MB\): it looks like a ZIP bomb/),
    });
    expect(await getDb().audioFile.count({ where: { bookId: book.id } })).toBe(0);
    expect(filesUnder(path.join(env.dataDir, 'files', 'books', book.id))).toEqual([]);
  });

  it('an entry that inflates past what its header claims is stopped there, as a corrupt ZIP', async () => {
    const zipPath = path.join(env.dataDir, 'lying.zip');
    // headers claim 10 bytes each (40 in all, far under any limit); the entries inflate to 512 KB each
    writeFileSync(zipPath, buildTestZip(Array.from({ length: 4 }, (_, i) => ({ name: `a${i}.wav`, data: silence(512 * 1024), deflate: true, declaredSize: 10 }))));
    const zip = await readAudioZip(zipPath, 'lying.zip');
    try {
      let delivered = 0;
      const stream = await zip.entries[0]!.open();
      const failure = await (async () => {
        for await (const chunk of stream) delivered += (chunk as Buffer).length;
      })().catch((e: unknown) => e);
      expect(failure).toMatchObject({ code: 'UNSUPPORTED_MEDIA', message: expect.stringContaining('lying.zip is a corrupt ZIP file (a0.wav: too many bytes') });
      expect(delivered).toBeLessThanOrEqual(64 * 1024);
    } finally {
      zip.close();
    }
  });

  it('the ratio is not applied to small ZIPs, and honest audio ZIPs pass', async () => {
    const zipPath = path.join(env.dataDir, 'ok.zip');
    writeFileSync(zipPath, buildTestZip([{ name: 'a.wav', data: silence(300 * 1024), deflate: true }, { name: 'b.mp3', data: silence(1000) }]));
    const zip = await readAudioZip(zipPath, 'ok.zip');
    try {
      let total = 0;
      for (const entry of zip.entries) total += await drain(await entry.open());
      expect(total).toBe(300 * 1024 + 1000);
    } finally {
      zip.close();
    }
    // the headers' sum alone is over the ratio: refused before anything is inflated
    await expect(readAudioZip(zipPath, 'ok.zip', { maxRatio: 2, ratioFreeBytes: 0 })).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('2 times its own') });
  });
});
