// Book routes called directly with an admin's session.
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/auth/create-user.ts';
import { signIn } from '@/lib/auth/sign-in.ts';
import { getDb } from '@/lib/db/client.ts';
import { seedReviewChapter } from '@/lib/testing/seed-review-chapter.ts';
import { useTestEnv } from '@/lib/testing/use-test-env.ts';
import * as align from './[bookId]/align/route.ts';

const params = <T>(p: T) => ({ params: Promise.resolve(p) });
let cookie = '';
const post = () => new Request('http://localhost:3000/', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', cookie } });

describe('book routes', () => {
  useTestEnv();
  beforeAll(async () => {
    await createUser({ email: 'admin@example.org', password: 'admin password', role: 'admin' });
    cookie = (await signIn('admin@example.org', 'admin password')).cookie;
  });

  it('align queues every chapter of the book; an unknown book is a 404 naming it', async () => {
    const missing = await align.POST(post(), params({ bookId: 'no-such-book' }));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no-such-book') });

    const { bookId, chapterId } = await seedReviewChapter({ fragments: [{ text: 'Uno.', begin: 0, end: 1 }] });
    const res = await align.POST(post(), params({ bookId }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ queued: [chapterId] });
    expect(await getDb().job.count({ where: { type: 'align-chapter' } })).toBe(1);
    // already queued: left alone
    expect(await (await align.POST(post(), params({ bookId }))).json()).toEqual({ queued: [] });
  });
});
