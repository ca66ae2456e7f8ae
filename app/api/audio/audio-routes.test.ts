// The editor's audio routes (PCM with HTTP Range, peaks, pauses, the stored spectrogram overview) called with a reviewer's session, on both storage
// backends: the local directory, and S3 (s3rver started here; ALINEA_STORAGE_URL and the AWS variables set as an
// operator would).
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPeaks, writePeaksFile } from '@/lib/audio/peaks-file.ts';
import { parseSpectrogram } from '@/lib/align/parse-spectrogram.ts';
import { writeSpectrogramFile } from '@/lib/align/spectrogram-file.ts';
import { storageKeys } from '@/lib/ingest/storage-keys.ts';
import { createUser } from '@/lib/auth/create-user.ts';
import { signIn } from '@/lib/auth/sign-in.ts';
import { wavBytes } from '@/lib/audio/wav-bytes.ts';
import { getDb } from '@/lib/db/client.ts';
import { computePauses, pausesKey } from '@/lib/review/get-audio-pauses.ts';
import { getStorage } from '@/lib/storage/storage.ts';
import { seedReviewChapter } from '@/lib/testing/seed-review-chapter.ts';
import { useS3TestStorage } from '@/lib/testing/use-s3-test-storage.ts';
import { useTestEnv } from '@/lib/testing/use-test-env.ts';
import * as pauses from './[audioFileId]/pauses/route.ts';
import * as pcm from './[audioFileId]/pcm/route.ts';
import * as peaks from './[audioFileId]/peaks/route.ts';
import * as spectrogram from './[audioFileId]/spectrogram/route.ts';

const params = <T>(p: T) => ({ params: Promise.resolve(p) });

describe.each(['local', 's3'] as const)('audio routes on %s storage', (backend) => {
  let cookie = '';
  let audioFileId = '';
  let work = '';
  const get = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost:3000${url}`, { headers: { cookie, ...headers } });

  if (backend === 's3') useS3TestStorage({ bucket: 'alinea-routes' });
  const env = useTestEnv();
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  beforeAll(async () => {
    await createUser({ email: 'rev@example.org', password: 'reviewer password', role: 'reviewer' });
    cookie = (await signIn('rev@example.org', 'reviewer password')).cookie;
    // 2 s of 16 kHz audio: a tone, a silence, a tone
    const samples = new Int16Array(32_000);
    for (let i = 0; i < samples.length; i++) samples[i] = i < 12_000 || i > 20_000 ? Math.round(8000 * Math.sin(i / 5)) : 0;
    work = await mkdtemp(path.join(tmpdir(), 'alinea-audio-routes-'));
    await writeFile(path.join(work, 'pcm.wav'), wavBytes(samples));
    await writePeaksFile(path.join(work, 'pcm.wav'), path.join(work, 'peaks.bin'));
    const { chapterId } = await seedReviewChapter({ fragments: [{ text: 'Uno.', begin: 0, end: 2 }], durationSec: 2 });
    const chapter = await getDb().chapter.findUniqueOrThrow({ where: { id: chapterId } });
    audioFileId = chapter.audioFileId;
    const keys = { pcmKey: `books/${chapter.bookId}/audio/${audioFileId}/pcm.wav`, peaksKey: `books/${chapter.bookId}/audio/${audioFileId}/peaks.bin` };
    await getStorage().putFile(keys.pcmKey, path.join(work, 'pcm.wav'));
    await getStorage().putFile(keys.peaksKey, path.join(work, 'peaks.bin'));
    await getDb().audioFile.update({ where: { id: audioFileId }, data: keys });
  });

  it(`stores where ALINEA_STORAGE_URL says (${backend})`, () => {
    expect(getStorage().kind).toBe(backend);
    expect(existsSync(path.join(env.dataDir, 'files', 'books'))).toBe(backend === 'local');
  });

  it('serves the PCM whole, by byte range (206), and refuses a range past its end (416)', async () => {
    const wav = await readFile(path.join(work, 'pcm.wav'));
    const whole = await pcm.GET(get(`/api/audio/${audioFileId}/pcm`), params({ audioFileId }));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-length')).toBe(String(wav.length));
    expect(Buffer.from(await whole.arrayBuffer()).equals(wav)).toBe(true);

    const part = await pcm.GET(get(`/api/audio/${audioFileId}/pcm`, { range: 'bytes=1000-1999' }), params({ audioFileId }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${wav.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(wav.subarray(1000, 2000))).toBe(true);

    const tail = await pcm.GET(get(`/api/audio/${audioFileId}/pcm`, { range: 'bytes=-44' }), params({ audioFileId }));
    expect(Buffer.from(await tail.arrayBuffer()).equals(wav.subarray(wav.length - 44))).toBe(true);

    const past = await pcm.GET(get(`/api/audio/${audioFileId}/pcm`, { range: `bytes=${wav.length}-` }), params({ audioFileId }));
    expect(past.status).toBe(416);
  });

  it('serves the peaks of a time range, as read from the file itself', async () => {
    const res = await peaks.GET(get(`/api/audio/${audioFileId}/peaks?start=0.5&end=1.5&samplesPerPeak=320`), params({ audioFileId }));
    expect(res.status).toBe(200);
    const body = await res.json();
    const expected = await readPeaks(path.join(work, 'peaks.bin'), { start: 0.5, end: 1.5, samplesPerPeak: 320 });
    expect(body).toMatchObject({ sampleRate: 16_000, samplesPerPeak: 320, startSec: 0.5 });
    expect(body.peaks).toEqual(Array.from(expected.peaks, (v) => Math.round(v * 1e4) / 1e4));
    expect(body.peaks.length).toBe(100);
  });

  it('serves the pauses, computed once and cached in storage beside the PCM', async () => {
    const res = await pauses.GET(get(`/api/audio/${audioFileId}/pauses`), params({ audioFileId }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.pauses).toEqual(await computePauses(path.join(work, 'pcm.wav')));
    expect(body.pauses.some((p: { begin: number; end: number }) => p.begin < 1 && p.end > 1)).toBe(true);
    const audio = await getDb().audioFile.findUniqueOrThrow({ where: { id: audioFileId } });
    expect(await getStorage().exists(pausesKey(audio.pcmKey!))).toBe(true);
    // nothing left in the scratch folder
    const scratch = path.join(env.dataDir, '.tmp', 's3-scratch');
    expect(existsSync(scratch) ? await readdir(scratch) : []).toEqual([]);
  });

  it('serves the spectrogram stored at ingest, and a clear 404 for a file ingested before it existed', async () => {
    const missing = await spectrogram.GET(get(`/api/audio/${audioFileId}/spectrogram`), params({ audioFileId }));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toMatch(/has no stored spectrogram overview: it was ingested before .* Re-run its ingest/);

    const audio = await getDb().audioFile.findUniqueOrThrow({ where: { id: audioFileId } });
    await writeSpectrogramFile(path.join(work, 'pcm.wav'), path.join(work, 'spectrogram.bin'));
    await getStorage().putFile(storageKeys.audioSpectrogram(audio.bookId, audioFileId), path.join(work, 'spectrogram.bin'));
    const res = await spectrogram.GET(get(`/api/audio/${audioFileId}/spectrogram`), params({ audioFileId }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals(await readFile(path.join(work, 'spectrogram.bin')))).toBe(true);
    // 2 s: 20 columns, the silence between 0.75 and 1.25 s at the floor, the tone above it
    const sg = parseSpectrogram(body);
    expect(sg.count).toBe(20);
    expect(Math.max(...sg.levels.subarray(9 * sg.bands, 10 * sg.bands))).toBe(0);
    expect(Math.max(...sg.levels.subarray(3 * sg.bands, 4 * sg.bands))).toBeGreaterThan(150);

    const signedOut = await spectrogram.GET(new Request(`http://localhost:3000/api/audio/${audioFileId}/spectrogram`), params({ audioFileId }));
    expect(signedOut.status).toBe(401);
  });
});
