// A LibriVox ZIP (one MP3 per section) → audio files in storage. Entries with ".." or absolute paths make the
// whole ZIP invalid (nothing is kept); non-audio entries are skipped with a notice.
import yauzl from 'yauzl';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error.ts';
import { isAudioFileName } from './audio-types.ts';

export type ZipAudioEntry = { name: string; open(): Promise<Readable>; uncompressedSize: number };

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
  const entries: ZipAudioEntry[] = [];
  const skipped: string[] = [];
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
          zip.openReadStream(e, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream))),
        ),
    });
  }
  return { entries, skipped, close: () => zip.close() };
}
