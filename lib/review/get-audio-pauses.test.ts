import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import { storageKeys } from '../ingest/storage-keys.ts';
import { wavBytes } from '../audio/wav-bytes.ts';
import { seedReviewChapter } from '../testing/seed-review-chapter.ts';
import { getAudioPauses, pausesKey } from './get-audio-pauses.ts';

useTestEnv();
const SR = 16_000;

/** Tone bursts over faint noise; segments: [seconds, loud?]. */
function bursts(segments: [number, boolean][]): Int16Array {
  const total = segments.reduce((s, [d]) => s + Math.round(d * SR), 0);
  const x = new Int16Array(total);
  let t = 0;
  let seed = 7;
  for (const [d, loud] of segments) {
    const n = Math.round(d * SR);
    for (let i = 0; i < n; i++, t++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      x[t] = Math.round((seed / 2 ** 32 - 0.5) * 60 + (loud ? 8000 * Math.sin((2 * Math.PI * 200 * t) / SR) : 0));
    }
  }
  return x;
}

async function seedAudio(samples: Int16Array, status = 'ready') {
  const { bookId } = await seedReviewChapter({ fragments: [{ text: 'x', begin: 0, end: 1 }] });
  const audio = await getDb().audioFile.findFirstOrThrow({ where: { bookId } });
  const pcmKey = storageKeys.audioPcm(bookId, audio.id);
  const file = getStorage().localPath(pcmKey);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, wavBytes(samples, SR));
  await getDb().audioFile.update({ where: { id: audio.id }, data: { pcmKey, peaksKey: storageKeys.audioPeaks(bookId, audio.id), status } });
  return { audioFileId: audio.id, pcmKey };
}

describe('getAudioPauses', () => {
  it('finds the pauses of the 16 kHz copy and caches them as pauses.json next to it', async () => {
    const { audioFileId, pcmKey } = await seedAudio(bursts([[1, true], [0.5, false], [1, true], [0.1, false], [1, true], [0.6, false]]));
    const { pauses } = await getAudioPauses(audioFileId);
    expect(pauses).toHaveLength(2); // the 0.1 s gap is too short to count
    expect(pauses[0]!.begin).toBeCloseTo(1, 1);
    expect(pauses[0]!.end).toBeCloseTo(1.5, 1);
    expect(pauses[1]!.begin).toBeCloseTo(3.6, 1);
    expect(pauses[1]!.end).toBeCloseTo(4.2, 1);

    const key = pausesKey(pcmKey);
    expect(key).toBe(pcmKey.replace(/audio-16k\.wav$/, 'pauses.json'));
    const cached = JSON.parse((await getStorage().readAll(key)).toString('utf8'));
    expect(cached.pauses).toEqual(pauses);
    // the second call reads the cache (a marker written into it comes back)
    await writeFile(getStorage().localPath(key), JSON.stringify({ ...cached, pauses: [{ begin: 9, end: 9.5 }] }));
    expect((await getAudioPauses(audioFileId)).pauses).toEqual([{ begin: 9, end: 9.5 }]);
    // a cache for another PCM (different size), or a broken one, is computed again
    await writeFile(getStorage().localPath(key), JSON.stringify({ ...cached, pcmBytes: 1, pauses: [] }));
    expect((await getAudioPauses(audioFileId)).pauses).toEqual(pauses);
    await writeFile(getStorage().localPath(key), '{broken');
    expect((await getAudioPauses(audioFileId)).pauses).toEqual(pauses);
  });

  it('NOT_FOUND for an unknown file, CONFLICT while it is not ingested', async () => {
    await expect(getAudioPauses('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { audioFileId } = await seedAudio(bursts([[0.5, true]]), 'converting');
    await expect(getAudioPauses(audioFileId)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
