// Every job type the worker (and the CLI's in-process runs) knows, assembled here at the edge so that
// lib/jobs depends on no domain.
import { createJobRegistry } from '../lib/jobs/create-job-registry.ts';
import { ingestAudioJob, ingestEbookJob } from '../lib/ingest/book-jobs.ts';
import { alignChapterJob } from '../lib/chapter-alignment/chapter-jobs.ts';
import { realignSpanJob } from '../lib/review/realign-span-job.ts';
import { exportCorpusJob } from '../lib/export/export-jobs.ts';
import { checkChapterJob, trainModelJob } from '../lib/training-runs/training-jobs.ts';

export const jobRegistry = createJobRegistry([
  ingestAudioJob,
  ingestEbookJob,
  alignChapterJob,
  realignSpanJob,
  exportCorpusJob,
  trainModelJob,
  checkChapterJob,
]);
