// A hostile ebook fails its ingest job at once (no retry), with the parser's message on the job and the book.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { buildDeepNestingEpub } from '../testing/hostile/deep-nesting-epub.ts';
import { getDb } from '../db/client.ts';
import { claimJob } from '../jobs/claim-job.ts';
import { createJobRegistry } from '../jobs/create-job-registry.ts';
import { runClaimedJob } from '../jobs/run-claimed-job.ts';
import { ingestEbookJob } from './book-jobs.ts';
import { createBook } from './create-book.ts';
import { createProject } from './create-project.ts';
import { setBookEbook } from './set-book-ebook.ts';

useTestEnv();
const registry = createJobRegistry([ingestEbookJob]);

describe('ingestEbook', () => {
  it('fails permanently on an EPUB nested 2,000,000 deep, saying which document and what to do', async () => {
    const project = await createProject({ name: 'Hostil' });
    const book = await createBook({ projectId: project.id, title: 'Hondo' });
    await setBookEbook(book.id, 'hondo.epub', Readable.from([Buffer.from(buildDeepNestingEpub(2_000_000))]));

    const claimed = await claimJob('w1', { bookId: book.id });
    expect(claimed).not.toBeNull();
    expect(await runClaimedJob(claimed!, 'w1', registry)).toBe('failed');

    const message = /^hondo\.epub \(OEBPS\/chapter\.xhtml\): the HTML nests elements more than 1,000 deep .*re-export the ebook/;
    const job = await getDb().job.findUniqueOrThrow({ where: { id: claimed!.id } });
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    expect(job.error).toMatch(message);
    const after = await getDb().book.findUniqueOrThrow({ where: { id: book.id } });
    expect(after.ebookStatus).toBe('failed');
    expect(after.ebookError).toMatch(message);
    expect(await claimJob('w1', { bookId: book.id })).toBeNull(); // nothing left to retry
  });
});
