// Aligns every paragraph of a chapter to its audio with the TypeScript aligner and stores the times.
// Fragments a reviewer already touched (edited/approved/rejected) keep their times: nothing reviewed is lost.
// Each paragraph is aligned sentence by sentence too (splitSentences): its sentences' times and confidences are
// stored with it.
import { AppError } from '../errors/app-error.ts';
import { isInterruptedError } from '../errors/interrupted-error.ts';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import { getConfig } from '../config/env.ts';
import { alignFragments } from '../align/align-fragments.ts';
import type { JobContext } from '../jobs/job-definition.ts';
import { isPermanentError } from '../jobs/run-claimed-job.ts';
import { applyFragmentTimes } from './apply-fragment-times.ts';
import { alignedSentences, alignerInput } from './aligner-input.ts';
import path from 'node:path';

export async function alignChapter(chapterId: string, ctx: Pick<JobContext, 'progress' | 'signal' | 'isFinalAttempt'>) {
  const db = getDb();
  const chapter = await db.chapter.findUnique({
    where: { id: chapterId },
    include: { book: true, audioFile: true, fragments: { orderBy: { position: 'asc' } } },
  });
  if (!chapter) throw new AppError('NOT_FOUND', `Chapter ${chapterId} no longer exists.`);
  if (!chapter.audioFile.pcmKey) throw new AppError('INVALID_INPUT', `${chapter.audioFile.originalName} is not ingested.`);
  if (chapter.fragments.length === 0) throw new AppError('INVALID_INPUT', `Chapter "${chapter.title}" has no paragraphs to align.`);
  await db.chapter.update({ where: { id: chapterId }, data: { alignStatus: 'aligning', alignError: null } });
  try {
    // the stored file itself on local storage, a scratch copy on S3 (removed after)
    const result = await getStorage().withLocalFile(chapter.audioFile.pcmKey, (audioWav) =>
      alignFragments({
        audioWav,
        fragments: chapter.fragments.map((f) => alignerInput(f, chapter.book.language)),
        language: chapter.book.language,
        signal: ctx.signal,
        onProgress: (f) => ctx.progress(0.02 + 0.93 * f, `Aligning ${chapter.fragments.length} paragraphs (${Math.round(f * 100)} %)`),
        options: { cacheDir: path.join(getConfig().dataDir, 'cache', 'tts') },
      }),
    );
    ctx.progress(0.96, 'Saving times');
    const changed = await db.$transaction(
      async (tx) => {
        const times = result.fragments.map((f) => ({ ...f, sentences: alignedSentences(f) }));
        const n = await applyFragmentTimes(tx, times, 'align', { language: chapter.book.language, onlyStatus: ['auto'] });
        // Mismatch flags (text the reader skipped, speech the text lacks) on the fragments the aligner may
        // update; the others are cleared, so a fixed text or audio clears a stale flag on re-alignment.
        const onlyAuto = { status: 'auto' };
        await tx.fragment.updateMany({
          where: { ...onlyAuto, id: { in: result.fragments.filter((f) => !f.flag).map((f) => f.id) } },
          data: { flag: null },
        });
        for (const flag of ['not-in-audio', 'extra-audio'] as const) {
          const ids = result.fragments.filter((f) => f.flag === flag).map((f) => f.id);
          if (ids.length > 0) await tx.fragment.updateMany({ where: { ...onlyAuto, id: { in: ids } }, data: { flag } });
        }
        const confidences = result.fragments.map((f) => f.confidence);
        await tx.chapter.update({
          where: { id: chapterId },
          data: {
            alignStatus: 'aligned',
            alignError: null,
            alignedAt: new Date(),
            headSec: result.head,
            tailSec: result.tail,
            meanConfidence: confidences.reduce((a, b) => a + b, 0) / confidences.length,
          },
        });
        return n;
      },
      { timeout: 120_000 },
    );
    return {
      fragments: result.fragments.length,
      changed,
      head: result.head,
      tail: result.tail,
      durationSec: result.durationSec,
      notInAudio: result.stats.notInAudio,
      extraAudio: result.stats.extraAudio,
    };
  } catch (e) {
    if (isInterruptedError(ctx.signal.reason)) {
      // the worker stopped: the job is handed back and aligns the chapter at the next start
      await db.chapter.update({ where: { id: chapterId }, data: { alignStatus: 'pending', alignError: null } });
      throw e;
    }
    const final = isPermanentError(e) || ctx.isFinalAttempt || ctx.signal.aborted;
    await db.chapter.update({
      where: { id: chapterId },
      data: final
        ? { alignStatus: ctx.signal.aborted ? 'pending' : 'failed', alignError: ctx.signal.aborted ? 'Alignment was cancelled.' : (e as Error).message }
        : { alignStatus: 'pending', alignError: `Will retry: ${(e as Error).message}` },
    });
    throw e;
  }
}
