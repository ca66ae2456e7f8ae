// The database side of bench/load-reviewers.ts, run as a child process so that DATABASE_URL picks the database
// (lib's config is read once per process). Two commands, each printing one JSON line on stdout:
//   seed --chapters C --paragraphs P --reviewers N --password PW  → a project with one book of C aligned chapters
//        of P two-sentence paragraphs (6 s each, random confidences, a few flagged) and N reviewers (created once)
//   dump --chapters id,id,…  → every fragment of those chapters as stored, with its revisions' versions and
//        after-snapshots (what the lost-edits check compares with what each client was told)
import { parseArgs } from 'node:util';
import { getDb, disconnectDb } from '../../lib/db/client.ts';
import { seedReviewChapter } from '../../lib/testing/seed-review-chapter.ts';
import { createUser } from '../../lib/auth/create-user.ts';
import { isAppError } from '../../lib/errors/app-error.ts';

const PARAGRAPH_SEC = 6;

export type SeededLoadBook = { bookId: string; chapters: { id: string; fragmentIds: string[] }[]; users: string[] };
export type DumpedFragment = {
  id: string;
  version: number;
  begin: number | null;
  end: number | null;
  text: string;
  status: string;
  revisions: { version: number; after: { begin: number | null; end: number | null; text: string; status: string } }[];
};

export const reviewerEmail = (i: number) => `load-reviewer-${i}@alinea.local`;

async function seed(chapters: number, paragraphs: number, reviewers: number, password: string): Promise<SeededLoadBook> {
  let r = 7;
  const random = () => (r = (r * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: SeededLoadBook['chapters'] = [];
  let bookId: string | undefined;
  for (let c = 0; c < chapters; c++) {
    const s = await seedReviewChapter({
      bookId,
      position: c,
      durationSec: paragraphs * PARAGRAPH_SEC,
      fragments: Array.from({ length: paragraphs }, (_, i) => {
        const begin = i * PARAGRAPH_SEC;
        return {
          text: `Frase primera del párrafo ${i + 1}, capítulo ${c + 1}. Y una segunda frase, algo más larga, para la revisión.`,
          begin,
          end: begin + PARAGRAPH_SEC,
          confidence: Math.round(random() * 1000) / 1000,
          flag: random() < 0.05 ? 'not-in-audio' : null,
          sentences: [
            { begin, end: begin + PARAGRAPH_SEC / 2 },
            { begin: begin + PARAGRAPH_SEC / 2, end: begin + PARAGRAPH_SEC },
          ],
        };
      }),
    });
    bookId = s.bookId;
    out.push({ id: s.chapterId, fragmentIds: s.fragments.map((f) => f.id) });
  }
  const users: string[] = [];
  for (let i = 0; i < reviewers; i++) {
    const email = reviewerEmail(i);
    try {
      await createUser({ email, password, role: 'reviewer' });
    } catch (e) {
      if (!(isAppError(e) && e.code === 'CONFLICT')) throw e; // made by an earlier run on this database
    }
    users.push(email);
  }
  return { bookId: bookId!, chapters: out, users };
}

async function dump(chapterIds: string[]): Promise<DumpedFragment[]> {
  const db = getDb();
  const out: DumpedFragment[] = [];
  // chapter by chapter: one include over every fragment id would pass SQLite's limit on query parameters
  for (const chapterId of chapterIds) {
    const rows = await db.fragment.findMany({ where: { chapterId }, select: { id: true, version: true, begin: true, end: true, text: true, status: true } });
    const revisions = await db.fragmentRevision.findMany({
      where: { fragment: { chapterId } },
      select: { fragmentId: true, version: true, after: true },
      orderBy: { version: 'asc' },
    });
    const byFragment = new Map(rows.map((f) => [f.id, { ...f, revisions: [] as DumpedFragment['revisions'] }]));
    for (const rev of revisions) {
      const a = JSON.parse(rev.after) as DumpedFragment['revisions'][number]['after'];
      byFragment.get(rev.fragmentId)?.revisions.push({ version: rev.version, after: { begin: a.begin, end: a.end, text: a.text, status: a.status } });
    }
    out.push(...byFragment.values());
  }
  return out;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      chapters: { type: 'string' },
      paragraphs: { type: 'string', default: '120' },
      reviewers: { type: 'string', default: '50' },
      password: { type: 'string' },
    },
  });
  try {
    if (positionals[0] === 'seed') {
      const out = await seed(Number(values.chapters ?? 10), Number(values.paragraphs), Number(values.reviewers), values.password!);
      process.stdout.write(JSON.stringify(out) + '\n');
    } else if (positionals[0] === 'dump') {
      process.stdout.write(JSON.stringify(await dump((values.chapters ?? '').split(',').filter(Boolean))) + '\n');
    } else {
      throw new Error('usage: load-reviewers-db.ts seed|dump …');
    }
  } finally {
    await disconnectDb();
  }
}

await main();
