// Everything the book page shows, in one plain object (also served as JSON for live updates).
import { getDb } from '../db/client.ts';
import type { ChapterAlignStatus } from '../chapter-alignment/chapter-align-status.ts';
import type { JobStatus } from '../jobs/job-status.ts';
import type { AudioFileStatus } from './audio-file-status.ts';
import type { EbookStatus, SplitStatus } from './ebook-status.ts';
import { getStorage } from '../storage/storage.ts';
import type { EbookReport } from '../text/ebook-types.ts';
import { getBook } from './get-book.ts';
import { readParsedEbook } from './read-parsed-ebook.ts';
import { storageKeys } from './storage-keys.ts';
import { parseBookSplit } from './book-split.ts';

export type SplitPartPreview = {
  index: number;
  start: number;
  end: number;
  paragraphs: number;
  chars: number;
  heading: string | null;
  firstText: string;
  lastText: string;
  audioName: string | null;
  audioDurationSec: number | null;
};

function preview(text: string, n = 140): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

export async function getBookOverview(bookId: string) {
  const db = getDb();
  const book = await getBook(bookId);
  const [project, audioFiles, chapters, jobs] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: book.projectId } }),
    db.audioFile.findMany({ where: { bookId }, orderBy: { position: 'asc' } }),
    db.chapter.findMany({
      where: { bookId },
      orderBy: { position: 'asc' },
      include: { audioFile: { select: { originalName: true, durationSec: true } }, _count: { select: { fragments: true } } },
    }),
    db.job.findMany({ where: { bookId }, orderBy: { createdAt: 'desc' }, take: 50 }),
  ]);

  // end: the paragraph after the last part (paragraphCount unless back matter is left out)
  let split: { status: string; starts: number[]; end: number; parts: SplitPartPreview[]; paragraphCount: number } | null = null;
  let paragraphTexts: string[] | null = null;
  if (book.splitStatus === 'proposed' && book.splitStarts && (await getStorage().exists(storageKeys.ebookParsed(bookId)))) {
    const parsed = await readParsedEbook(bookId);
    const { starts, end: splitEnd } = parseBookSplit(book.splitStarts, parsed.paragraphs.length);
    const ready = audioFiles.filter((a) => a.status === 'ready');
    paragraphTexts = parsed.paragraphs.map((p) => preview(p.text, 90));
    split = {
      status: book.splitStatus,
      starts,
      end: splitEnd,
      paragraphCount: parsed.paragraphs.length,
      parts: starts.map((start, index) => {
        const end = (starts[index + 1] ?? splitEnd) - 1;
        const paras = parsed.paragraphs.slice(start, end + 1);
        return {
          index,
          start,
          end,
          paragraphs: paras.length,
          chars: paras.reduce((n, p) => n + p.text.length, 0),
          heading: paras.find((p) => p.kind === 'heading')?.text ?? null,
          firstText: preview(paras[0]?.text ?? ''),
          lastText: preview(paras[paras.length - 1]?.text ?? ''),
          audioName: ready[index]?.originalName ?? null,
          audioDurationSec: ready[index]?.durationSec ?? null,
        };
      }),
    };
  }

  return {
    project: { id: project.id, name: project.name },
    book: {
      id: book.id,
      title: book.title,
      author: book.author,
      language: book.language,
      ebookName: book.ebookName,
      ebookStatus: book.ebookStatus as EbookStatus,
      ebookError: book.ebookError,
      ebookReport: book.ebookReport ? (JSON.parse(book.ebookReport) as EbookReport & { paragraphs: number }) : null,
      splitStatus: book.splitStatus as SplitStatus,
      notices: JSON.parse(book.notices ?? '[]') as string[],
    },
    audioFiles: audioFiles.map((a) => ({
      id: a.id,
      position: a.position,
      name: a.originalName,
      size: a.size,
      sha256: a.sha256,
      status: a.status as AudioFileStatus,
      error: a.error,
      durationSec: a.durationSec,
      codec: a.codec,
      channels: a.channels,
      sampleRate: a.sampleRate,
      bitRate: a.bitRate,
      loudnessLufs: a.loudnessLufs,
      truePeakDb: a.truePeakDb,
      peakDb: a.peakDb,
      clippedSamples: a.clippedSamples,
      clippedRatio: a.clippedRatio,
    })),
    split,
    paragraphTexts,
    chapters: chapters.map((c) => ({
      id: c.id,
      position: c.position,
      title: c.title,
      audioName: c.audioFile.originalName,
      durationSec: c.audioFile.durationSec,
      fragments: c._count.fragments,
      alignStatus: c.alignStatus as ChapterAlignStatus,
      alignError: c.alignError,
      meanConfidence: c.meanConfidence,
    })),
    jobs: jobs.map((j) => ({
      id: j.id,
      type: j.type,
      status: j.status as JobStatus,
      progress: j.progress,
      message: j.message,
      error: j.error,
      attempts: j.attempts,
      payload: j.payload,
      createdAt: j.createdAt.toISOString(),
    })),
  };
}

export type BookOverview = Awaited<ReturnType<typeof getBookOverview>>;
