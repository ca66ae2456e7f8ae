// The assignment route: admins only (a reviewer's session is a 403 and changes nothing), the body checked with
// the use case's schema, and what the reviewer then reads from /api/me/chapters.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '@/lib/testing/use-test-env.ts';
import { getDb } from '@/lib/db/client.ts';
import { createUser } from '@/lib/auth/create-user.ts';
import { signIn } from '@/lib/auth/sign-in.ts';
import { seedReviewChapter } from '@/lib/testing/seed-review-chapter.ts';
import * as assignee from './route.ts';
import * as myChapters from '../../../me/chapters/route.ts';

useTestEnv();
const SITE = 'http://localhost:3000';
let adminCookie = '';
let reviewerCookie = '';
let reviewerId = '';
let chapterId = '';

function put(cookie: string, body: string) {
  const req = new Request(`${SITE}/api/chapters/${chapterId}/assignee`, {
    method: 'PUT',
    body,
    headers: { host: 'localhost:3000', origin: SITE, cookie, 'content-type': 'application/json' },
  });
  return assignee.PUT(req, { params: Promise.resolve({ chapterId }) });
}

async function mine(cookie: string) {
  const res = await myChapters.GET(new Request(`${SITE}/api/me/chapters`, { headers: { host: 'localhost:3000', cookie } }), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { chapters: { chapterId: string; fragments: { total: number; reviewed: number } }[] }).chapters;
}

beforeAll(async () => {
  await createUser({ email: 'admin@example.org', password: 'admin password', role: 'admin' });
  reviewerId = (await createUser({ email: 'rosa@example.org', password: 'rosa reviews paragraphs', role: 'reviewer' })).id;
  adminCookie = (await signIn('admin@example.org', 'admin password')).cookie;
  reviewerCookie = (await signIn('rosa@example.org', 'rosa reviews paragraphs')).cookie;
  chapterId = (await seedReviewChapter({ fragments: [{ text: 'uno', begin: 0, end: 1, status: 'approved' }, { text: 'dos', begin: 1, end: 2 }] })).chapterId;
});

describe('PUT /api/chapters/:id/assignee', () => {
  it('refuses a reviewer with 403 and assigns nothing', async () => {
    const res = await put(reviewerCookie, JSON.stringify({ assigneeId: reviewerId }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect((await getDb().chapter.findUniqueOrThrow({ where: { id: chapterId } })).assigneeId).toBeNull();
    expect(await mine(reviewerCookie)).toEqual([]);
  });

  it('checks the body: a missing assigneeId or an unknown user is a 400', async () => {
    const missing = await put(adminCookie, JSON.stringify({}));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain('assigneeId');
    expect((await put(adminCookie, JSON.stringify({ assigneeId: 'nobody' }))).status).toBe(400);
    expect((await put(adminCookie, 'not json')).status).toBe(400);
  });

  it('an admin assigns: the reviewer’s /api/me/chapters lists it with its progress; null takes it back', async () => {
    const res = await put(adminCookie, JSON.stringify({ assigneeId: reviewerId }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { assignment: { assignee: { email: string } } }).assignment.assignee.email).toBe('rosa@example.org');
    expect(await mine(reviewerCookie)).toMatchObject([{ chapterId, fragments: { total: 2, reviewed: 1 } }]);
    expect(await mine(adminCookie)).toEqual([]);

    expect((await put(adminCookie, JSON.stringify({ assigneeId: null }))).status).toBe(200);
    expect(await mine(reviewerCookie)).toEqual([]);
  });
});
