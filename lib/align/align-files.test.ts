// `alinea align AUDIO TEXT` without a database: the MP3 is decoded while espeak-ng speaks the text, then aligned.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realEsRecordings } from '../testing/real-es-fixture.ts';
import { alignFiles } from './align-files.ts';
import { scoreAlignment } from './score-alignment.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'alinea-align-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('alignFiles', () => {
  it('aligns a real MP3 reading to its text into a JSON sync map, every boundary in its true pause', async () => {
    const rec = realEsRecordings().find((r) => r.name === 'common-voice')!;
    const text = path.join(dir, 'text.txt');
    await writeFile(text, `${rec.lines.join('\n')}\n`);
    const out = path.join(dir, 'map.json');
    const cacheDir = path.join(dir, 'tts');
    const summary = await alignFiles({ audio: rec.audio, text, language: 'spa', textType: 'plain', format: 'json', out, cacheDir });
    expect(summary.fragments).toBe(rec.lines.length);
    expect(summary.notInAudio).toEqual([]);
    const map = JSON.parse(await readFile(out, 'utf8')) as { fragments: { begin: string; end: string; lines: string[] }[] };
    expect(map.fragments.map((f) => f.lines.join(' '))).toEqual(rec.lines);
    const s = scoreAlignment(
      map.fragments.map((f) => ({ begin: Number(f.begin), end: Number(f.end) })),
      rec.truth,
    );
    expect(s.inPauseShare).toBe(1);
    // the text was spoken into the cache (while ffmpeg decoded): one file per line
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.wav'))).toHaveLength(rec.lines.length);
  });

  it('fails with the decoder’s reason on audio that is not audio, and leaves no temp folder or half-made cache entry', async () => {
    const audio = path.join(dir, 'broken.mp3');
    await writeFile(audio, Buffer.alloc(4096, 7));
    const text = path.join(dir, 'broken.txt');
    await writeFile(text, 'Una línea.\nOtra línea más.\n');
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'alinea-align-files-tmp-'));
    const before = await readdir(os.tmpdir());
    await expect(
      alignFiles({ audio, text, language: 'spa', textType: 'plain', format: 'json', out: path.join(dir, 'never.json'), cacheDir: path.join(tmp, 'tts') }),
    ).rejects.toThrow(/broken\.mp3/);
    const after = await readdir(os.tmpdir());
    expect(after.filter((f) => f.startsWith('alinea-align-') && !before.includes(f))).toEqual([]);
    const cache = await readdir(path.join(tmp, 'tts')).catch(() => []);
    expect(cache.filter((f) => !f.endsWith('.wav'))).toEqual([]);
    await rm(tmp, { recursive: true, force: true });
  });
});
