// `npx tsx e2e/helpers/seed-chapter-cli.ts N`: seeds a chapter of N aligned paragraphs into the database that
// DATABASE_URL names (lib/testing/seed-review-chapter.ts) and prints {"chapterId", "fragmentIds"} as JSON.
import { disconnectDb } from '../../lib/db/client.ts';
import { seedReviewChapter } from '../../lib/testing/seed-review-chapter.ts';

const n = Number(process.argv[2] ?? 3);
const { chapterId, fragments } = await seedReviewChapter({
  fragments: Array.from({ length: n }, (_, i) => ({ text: `Párrafo ${i + 1} de la prueba.`, begin: i * 5, end: i * 5 + 4.5, status: 'auto', confidence: 0.9 })),
  durationSec: n * 5,
});
console.log(JSON.stringify({ chapterId, fragmentIds: fragments.map((f) => f.id) }));
await disconnectDb();
