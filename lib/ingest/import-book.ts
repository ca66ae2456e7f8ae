// Scripted import (the CLI's `alinea import`): the same use cases as the upload UI, with the jobs run in this
// process until the book's queue is empty, then the proposed split accepted.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { isChapterAligned } from '../chapter-alignment/chapter-align-status.ts';
import { migrateDatabase } from '../db/migrate-database.ts';
import type { JobRegistry } from '../jobs/create-job-registry.ts';
import { workJobs } from '../jobs/work-jobs.ts';
import { findOrCreateProject } from './create-project.ts';
import { createBook } from './create-book.ts';
import { addBookAudio } from './add-book-audio.ts';
import { setBookEbook } from './set-book-ebook.ts';
import { acceptBookSplit } from './accept-book-split.ts';
import { readParsedEbook } from './read-parsed-ebook.ts';

export type ImportBookInput = {
  project: string;
  audio: string[];
  text: string;
  title?: string;
  author?: string;
  speakerId?: string;
  language?: string;
  accept?: boolean;
  /** Run the chapters' align jobs now, in this process. */
  align?: boolean;
  log?: (message: string) => void;
  /** The job types to run in this process (the edge assembles it: the CLI passes the worker's). */
  registry: JobRegistry;
};

export async function importBook(input: ImportBookInput) {
  const started = performance.now();
  const log = input.log ?? (() => {});
  for (const f of [...input.audio, input.text]) {
    await access(f).catch(() => {
      throw new AppError('NOT_FOUND', `File not found: ${f}`);
    });
  }
  await migrateDatabase();
  const project = await findOrCreateProject(input.project, input.language ?? 'spa');
  const title = input.title ?? path.basename(input.text).replace(/\.[^.]+$/, '');
  const book = await createBook({ projectId: project.id, title, author: input.author, speakerId: input.speakerId });
  log(`book "${title}" (${book.id}) in project "${project.name}"`);

  const rejected: { file: string; error: string }[] = [];
  for (const file of input.audio) {
    try {
      const r = await addBookAudio(book.id, path.basename(file), createReadStream(file));
      log(`stored ${r.added.length} audio file(s) from ${path.basename(file)}${r.skipped.length ? `, skipped ${r.skipped.join(', ')}` : ''}`);
    } catch (e) {
      rejected.push({ file, error: (e as Error).message });
      log(`rejected ${file}: ${(e as Error).message}`);
    }
  }
  await setBookEbook(book.id, path.basename(input.text), createReadStream(input.text));

  // the book's jobs, run here until none is left (retries included)
  const runBookJobs = () =>
    workJobs({
      registry: input.registry,
      bookId: book.id,
      untilIdle: true,
      pollMs: 200,
      onJob: (job, outcome) => log(`${job.type}: ${outcome}`),
    });
  await runBookJobs();

  const db = getDb();
  let current = await db.book.findUniqueOrThrow({ where: { id: book.id } });
  let finalTitle = title;
  if (!input.title && current.ebookStatus === 'ready') {
    // no --title: the ebook's own title (Gutenberg "Title:" or EPUB dc:title) beats the file name
    const parsedTitle = (await readParsedEbook(book.id)).title?.trim();
    if (parsedTitle) {
      finalTitle = parsedTitle;
      current = await db.book.update({ where: { id: book.id }, data: { title: parsedTitle } });
    }
  }
  let chapters = 0;
  if (input.accept !== false && current.splitStatus === 'proposed') {
    chapters = (await acceptBookSplit(book.id)).length;
    current = await db.book.findUniqueOrThrow({ where: { id: book.id } });
    if (input.align) await runBookJobs();
  }
  const chapterRows = await db.chapter.findMany({ where: { bookId: book.id }, orderBy: { position: 'asc' } });
  const audio = await db.audioFile.findMany({ where: { bookId: book.id }, orderBy: { position: 'asc' } });
  const fragments = await db.fragment.count({ where: { chapter: { bookId: book.id } } });
  return {
    project: project.name,
    projectId: project.id,
    bookId: book.id,
    title: finalTitle,
    audioFiles: audio.length,
    audioSeconds: Math.round(audio.reduce((s, a) => s + (a.durationSec ?? 0), 0) * 1000) / 1000,
    failedAudio: [
      ...rejected,
      ...audio.filter((a) => a.status !== 'ready').map((a) => ({ file: a.originalName, error: a.error ?? a.status })),
    ],
    ebookError: current.ebookStatus === 'ready' ? null : current.ebookError ?? current.ebookStatus,
    split: current.splitStatus,
    chapters,
    aligned: chapterRows.filter(isChapterAligned).length,
    failedChapters: chapterRows.filter((c) => c.alignStatus === 'failed').map((c) => ({ chapter: c.title, error: c.alignError })),
    fragments,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
