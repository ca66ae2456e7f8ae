// Re-aligns only the fragments between two anchors (the realign-span job): the aligner's span API keeps the
// span's ends exactly where they are, and the result is returned as a proposal — nothing is written to the
// fragments here; a reviewer accepts or discards it (lib/review/accept-span-realign.ts).
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { getStorage } from '../storage/storage.ts';
import { getConfig } from '../config/env.ts';
import { alignFragments } from '../align/align-fragments.ts';
import { alignedSentences, alignerInput } from '../chapter-alignment/aligner-input.ts';
import type { JobContext } from '../jobs/job-definition.ts';
import { findAnchorRange } from './find-anchor-range.ts';
import type { RealignProposal } from './realign-proposal.ts';

export async function realignSpan(
  input: { chapterId: string; fragmentId: string },
  ctx: Pick<JobContext, 'progress' | 'signal'>,
): Promise<RealignProposal> {
  const chapter = await getDb().chapter.findUnique({
    where: { id: input.chapterId },
    include: { book: { select: { language: true } }, audioFile: true, fragments: { orderBy: { position: 'asc' } } },
  });
  if (!chapter) throw new AppError('NOT_FOUND', `Chapter ${input.chapterId} no longer exists.`);
  if (!chapter.audioFile.pcmKey) throw new AppError('INVALID_INPUT', `${chapter.audioFile.originalName} is not ingested.`);
  const index = chapter.fragments.findIndex((f) => f.id === input.fragmentId);
  if (index < 0) throw new AppError('NOT_FOUND', 'This paragraph no longer exists (merged or removed); reload the chapter.');
  const range = findAnchorRange(chapter.fragments, index);
  if (!range) throw new AppError('INVALID_INPUT', 'Some paragraphs between these anchors have no times yet: align the chapter first.');
  if (!(range.end > range.begin)) throw new AppError('INVALID_INPUT', 'There is no audio between these anchors.');
  const frags = chapter.fragments.slice(range.first, range.last + 1);
  const language = chapter.book.language;
  // the stored file itself on local storage, a scratch copy on S3 (removed after)
  const result = await getStorage().withLocalFile(chapter.audioFile.pcmKey, (audioWav) =>
    alignFragments({
      audioWav,
      fragments: frags.map((f) => alignerInput(f, language)),
      language,
      span: { begin: range.begin, end: range.end },
      signal: ctx.signal,
      onProgress: (f) => ctx.progress(0.02 + 0.95 * f, `Re-aligning ${frags.length} paragraphs (${Math.round(f * 100)} %)`),
      options: { cacheDir: path.join(getConfig().dataDir, 'cache', 'tts') },
    }),
  );
  const byId = new Map(result.fragments.map((f) => [f.id, f]));
  return {
    kind: 'realign-proposal',
    chapterId: chapter.id,
    span: { begin: range.begin, end: range.end },
    anchoredBegin: range.anchoredBegin,
    anchoredEnd: range.anchoredEnd,
    createdAt: new Date().toISOString(),
    fragments: frags.map((f) => {
      const a = byId.get(f.id)!;
      return {
        id: f.id,
        position: f.position,
        status: f.status,
        version: f.version,
        old: { begin: f.begin!, end: f.end!, confidence: f.confidence },
        begin: a.begin,
        end: a.end,
        confidence: a.confidence,
        flag: a.flag ?? null,
        sentences: alignedSentences(a),
      };
    }),
  };
}
