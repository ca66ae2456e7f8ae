import type { JobDefinition } from './job-definition.ts';
import { ingestAudioJob, ingestEbookJob } from '../books/book-jobs.ts';
import { alignChapterJob } from '../chapters/chapter-jobs.ts';
import { realignSpanJob } from '../chapters/realign-span-job.ts';
import { exportCorpusJob } from '../export/export-jobs.ts';
import { checkChapterJob, trainModelJob } from '../training/training-jobs.ts';

/** Every job type the worker knows. */
export const jobRegistry = new Map<string, JobDefinition>(
  ([ingestAudioJob, ingestEbookJob, alignChapterJob, realignSpanJob, exportCorpusJob, trainModelJob, checkChapterJob] as JobDefinition[]).map((d) => [d.name, d]),
);
