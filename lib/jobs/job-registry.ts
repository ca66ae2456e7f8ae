import type { JobDefinition } from './job-definition.ts';
import { ingestAudioJob, ingestEbookJob } from '../books/book-jobs.ts';
import { alignChapterJob } from '../chapters/chapter-jobs.ts';
import { exportCorpusJob } from '../export/export-jobs.ts';

/** Every job type the worker knows. */
export const jobRegistry = new Map<string, JobDefinition>(
  ([ingestAudioJob, ingestEbookJob, alignChapterJob, exportCorpusJob] as JobDefinition[]).map((d) => [d.name, d]),
);
