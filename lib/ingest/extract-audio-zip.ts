// A LibriVox ZIP (one MP3 per section) → audio files in storage. Entries with ".." or absolute paths make the
// whole ZIP invalid (nothing is kept); non-audio entries are skipped with a notice. A ZIP bomb is refused: all
// its audio entries together may unpack to at most `maxTotalBytes`, and to at most `maxRatio` times the ZIP's
// own size (audio barely compresses: MP3 ~1×, WAV ~1–2×). The headers' sizes are checked first, then the bytes
// actually inflated are counted as they stream, so a ZIP whose headers lie is stopped at the limit too.
import yauzl from 'yauzl';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { getConfig } from '../config/env.ts';
import { AppError } from '../errors/app-error.ts';
import { isAudioFileName } from './audio-types.ts';

export type ZipAudioEntry = { name: string; open(): Promise<Readable>; uncompressedSize: number };

export type ZipLimits = {
  /** All audio entries together, inflated. Default: twice ALINEA_MAX_UPLOAD_MB. */
  maxTotalBytes?: number;
  /** Inflated bytes per byte of ZIP. Default 20. */
  maxRatio?: number;
  /** Up to this many inflated bytes the ratio is not applied (a small ZIP of silence is no bomb). Default 64 MB. */
  ratioFreeBytes?: number;
};

function mb(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function isUnsafeEntryName(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  return n.startsWith('/') || /^[a-zA-Z]:/.test(n) || n.split('/').includes('..');
}

function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip),
    ),
  );
}

/** Lists the ZIP's audio entries after checking every entry name; the caller streams each one. */
export async function readAudioZip(
  zipPath: string,
  zipName: string,
  limits: ZipLimits = {},
): Promise<{ entries: ZipAudioEntry[]; skipped: string[]; close(): void }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(zipPath);
  } catch (e) {
    throw new AppError(
      'UNSUPPORTED_MEDIA',
      `${zipName} is not a readable ZIP file (${(e as Error).message}). Upload the audio files or a valid ZIP.`,
      { file: zipName },
    );
  }
  const all: yauzl.Entry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        all.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    const msg = (e as Error).message;
    if (/invalid relative path|absolute path/i.test(msg)) {
      throw new AppError('INVALID_INPUT', `${zipName} contains an unsafe entry path (${msg}); the ZIP was rejected.`, { file: zipName });
    }
    throw new AppError('UNSUPPORTED_MEDIA', `${zipName} is a corrupt ZIP file (${msg}).`, { file: zipName });
  }
  const unsafe = all.find((e) => isUnsafeEntryName(e.fileName));
  if (unsafe) {
    zip.close();
    throw new AppError(
      'INVALID_INPUT',
      `${zipName} contains the entry "${unsafe.fileName}" with an absolute or ".." path; the ZIP was rejected. ` +
        'Re-create the ZIP with plain file names.',
      { file: zipName, entry: unsafe.fileName },
    );
  }
  const maxTotal = limits.maxTotalBytes ?? 2 * getConfig().maxUploadBytes;
  const maxRatio = limits.maxRatio ?? 20;
  const limit = Math.min(maxTotal, Math.max(zip.fileSize * maxRatio, limits.ratioFreeBytes ?? 64 * 1024 * 1024));
  const bomb = (claimed: string) =>
    new AppError(
      'TOO_LARGE',
      `${zipName} unpacks to ${claimed} (more than ${mb(limit)}${limit < maxTotal ? `, ${maxRatio} times its own ${mb(zip.fileSize)}` : ''}): ` +
        'it looks like a ZIP bomb and was refused, nothing from it was kept. Upload the audio files themselves, or a plain ZIP of them.',
      { file: zipName, limit },
    );
  const entries: ZipAudioEntry[] = [];
  const skipped: string[] = [];
  let inflated = 0;
  // counts the bytes each entry really inflates to, across all entries, and stops at the limit
  const counted = (stream: Readable, entry: string): Readable => {
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        inflated += chunk.length;
        if (inflated > limit) done(bomb(`over ${mb(limit)}`));
        else done(null, chunk);
      },
    });
    // yauzl checks each entry's bytes against its header and CRC: a mismatch is a corrupt ZIP, named as such
    stream.on('error', (err) =>
      counter.destroy(new AppError('UNSUPPORTED_MEDIA', `${zipName} is a corrupt ZIP file (${entry}: ${err.message}).`, { file: zipName, entry })),
    );
    // stopped (the limit, or the reader gave up): stop inflating too
    counter.on('close', () => stream.destroy());
    return stream.pipe(counter);
  };
  for (const e of all) {
    if (e.fileName.endsWith('/')) continue;
    const base = path.posix.basename(e.fileName.replace(/\\/g, '/'));
    if (!isAudioFileName(base) || base.startsWith('._') || e.fileName.startsWith('__MACOSX/')) {
      skipped.push(e.fileName);
      continue;
    }
    entries.push({
      name: base,
      uncompressedSize: e.uncompressedSize,
      open: () =>
        new Promise<Readable>((resolve, reject) =>
          zip.openReadStream(e, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(counted(stream, e.fileName)))),
        ),
    });
  }
  const claimed = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (claimed > limit) {
    zip.close();
    throw bomb(mb(claimed));
  }
  return { entries, skipped, close: () => zip.close() };
}
