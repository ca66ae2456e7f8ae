// Audio that lies about itself: a truncated MP3 whose header still declares the whole file fails its ingest by name,
// leaving nothing derived; an honest file, and one whose duration ffprobe can only estimate, still ingest.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { claimJob } from '../jobs/claim-job.ts';
import { createJobRegistry } from '../jobs/create-job-registry.ts';
import { runClaimedJob } from '../jobs/run-claimed-job.ts';
import { ingestAudioJob } from './book-jobs.ts';
import { readSpectrogramFile, spectrogramBandEdges } from '../align/spectrogram-file.ts';
import { storageKeys } from './storage-keys.ts';
import { addBookAudio } from './add-book-audio.ts';
import { createBook } from './create-book.ts';
import { createProject } from './create-project.ts';

const env = useTestEnv();
const registry = createJobRegistry([ingestAudioJob]);
let whole: Buffer;
let vbrNoHeader: Buffer;

beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'alinea-lying-audio-'));
  const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args]);
  ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=440:duration=6', '-ar', '22050', '-b:a', '64k', path.join(dir, 'whole.mp3'));
  whole = readFileSync(path.join(dir, 'whole.mp3'));
  // VBR without a Xing header, opening with silence: ffprobe estimates ~20 s from the bit rate for 9 s of audio
  ffmpeg(
    '-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=mono:d=3', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=6:sample_rate=44100',
    '-filter_complex', '[0][1]concat=n=2:v=0:a=1', '-c:a', 'libmp3lame', '-q:a', '2', '-write_xing', '0', path.join(dir, 'vbr.mp3'),
  );
  vbrNoHeader = readFileSync(path.join(dir, 'vbr.mp3'));
});

/** Stores `bytes` as `name` in a new book and runs its ingest job; the job's outcome and the audio row after it. */
async function ingest(name: string, bytes: Buffer) {
  const project = await createProject({ name: `lying audio ${name}` });
  const book = await createBook({ projectId: project.id, title: name });
  await addBookAudio(book.id, name, Readable.from([bytes]));
  const claimed = await claimJob('w1', { bookId: book.id });
  expect(claimed).not.toBeNull();
  const outcome = await runClaimedJob(claimed!, 'w1', registry);
  const job = await getDb().job.findUniqueOrThrow({ where: { id: claimed!.id } });
  const audio = await getDb().audioFile.findFirstOrThrow({ where: { bookId: book.id } });
  return { outcome, job, audio, bookId: book.id };
}

describe('ingestAudioFile', () => {
  it('fails a truncated MP3 at once, naming it, with no PCM or peaks left behind', async () => {
    const { outcome, job, audio, bookId } = await ingest('capitulo_03.mp3', whole.subarray(0, Math.round(whole.length * 0.05)));
    const message = /^"capitulo_03\.mp3": only 0\.\d s of its declared 6\.1 s decode — the file is truncated or damaged; upload it again\.$/;
    expect(outcome).toBe('failed');
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    expect(job.error).toMatch(message);
    expect(audio.status).toBe('failed');
    expect(audio.error).toMatch(message);
    expect(audio).toMatchObject({ pcmKey: null, peaksKey: null, durationSec: null });
    const folder = path.join(env.dataDir, 'files', 'books', bookId, 'audio', audio.id);
    expect(readdirSync(folder).filter((n) => n !== path.basename(audio.originalKey))).toEqual([]);
  });

  it('ingests the whole MP3', async () => {
    const { outcome, audio } = await ingest('capitulo_01.mp3', whole);
    expect(outcome).toBe('succeeded');
    expect(audio.status).toBe('ready');
    expect(Math.abs(audio.durationSec! - 6)).toBeLessThan(0.1);
    expect(existsSync(path.join(env.dataDir, 'files', audio.pcmKey!))).toBe(true);
    // the spectrogram overview, made from the same PCM: the 440 Hz tone in the band holding 440 Hz
    const sg = await readSpectrogramFile(path.join(env.dataDir, 'files', storageKeys.audioSpectrogram(audio.bookId, audio.id)));
    expect(sg.count).toBe(Math.ceil(audio.pcmSamples! / 1600));
    const edges = spectrogramBandEdges();
    const band = edges.findIndex((hz, b) => hz <= 440 && edges[b + 1]! > 440);
    const column = sg.levels.subarray(30 * sg.bands, 31 * sg.bands);
    expect(column.indexOf(Math.max(...column))).toBe(band);
  });

  it('ingests a VBR MP3 whose duration ffprobe can only estimate, keeping the decoded duration', async () => {
    const { outcome, audio } = await ingest('capitulo_02.mp3', vbrNoHeader);
    expect(outcome).toBe('succeeded');
    expect(audio.status).toBe('ready');
    expect(audio.durationSec).toBeCloseTo(9, 1); // not ffprobe's 20 s
    expect(audio.durationSec! * 16000).toBe(audio.pcmSamples);
  });
});
