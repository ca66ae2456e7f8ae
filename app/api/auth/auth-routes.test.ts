// Route handlers called directly with a better-auth session cookie: who may do what, and who is recorded.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '@/lib/testing/use-test-env.ts';
import { getDb } from '@/lib/db/client.ts';
import { createUser } from '@/lib/auth/create-user.ts';
import { signIn } from '@/lib/auth/sign-in.ts';
import { seedReviewChapter } from '@/lib/testing/seed-review-chapter.ts';
import * as projects from '../projects/route.ts';
import * as fragment from '../fragments/[fragmentId]/route.ts';
import * as boundary from '../fragments/boundary/route.ts';
import * as fragments from '../chapters/[chapterId]/fragments/route.ts';
import * as audio from '../books/[bookId]/audio/[audioFileId]/route.ts';
import * as exportsRoute from '../projects/[projectId]/exports/route.ts';

const params = <T>(p: T) => ({ params: Promise.resolve(p) });
const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

describe('API routes need a session and the right role', () => {
  useTestEnv();
  const as = { admin: '', reviewer: '' };
  let reviewerId = '';
  const req = (who: keyof typeof as | null, url: string, init: RequestInit = {}) =>
    new Request(`http://localhost:3000${url}`, { ...init, headers: { origin: 'http://localhost:3000', ...(init.headers as Record<string, string>), ...(who ? { cookie: as[who] } : {}) } });

  beforeAll(async () => {
    await createUser({ email: 'admin@example.org', password: 'admin password', role: 'admin' });
    reviewerId = (await createUser({ email: 'rev@example.org', password: 'reviewer password', role: 'reviewer' })).id;
    as.admin = (await signIn('admin@example.org', 'admin password')).cookie;
    as.reviewer = (await signIn('rev@example.org', 'reviewer password')).cookie;
  });

  it('401 without a session, 403 for a reviewer on admin routes, 200 for an admin', async () => {
    const noSession = await projects.GET(req(null, '/api/projects'), params({}));
    expect(noSession.status).toBe(401);
    expect((await noSession.json()).error.code).toBe('UNAUTHENTICATED');
    expect((await projects.GET(req('reviewer', '/api/projects'), params({}))).status).toBe(200);

    const denied = await projects.POST(req('reviewer', '/api/projects', json({ name: 'Nope' })), params({}));
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.code).toBe('FORBIDDEN');
    expect(await getDb().project.count({ where: { name: 'Nope' } })).toBe(0);
    const created = await projects.POST(req('admin', '/api/projects', json({ name: 'Yes' })), params({}));
    expect(created.status).toBe(200);

    const { bookId, projectId } = await seedReviewChapter({ fragments: [{ text: 'Uno.', begin: 0, end: 1 }] });
    const file = await getDb().audioFile.findFirstOrThrow({ where: { bookId } });
    expect((await audio.DELETE(req('reviewer', '/', { method: 'DELETE' }), params({ bookId, audioFileId: file.id }))).status).toBe(403);
    expect(await getDb().audioFile.count({ where: { id: file.id } })).toBe(1);
    expect((await exportsRoute.GET(req('reviewer', '/'), params({ projectId }))).status).toBe(403);
    expect((await exportsRoute.GET(req('admin', '/'), params({ projectId }))).status).toBe(200);
  });

  it('a reviewer edits and approves; each revision records the signed-in author, whatever the body says', async () => {
    const { chapterId, fragments: [a, b] } = await seedReviewChapter({
      fragments: [
        { text: 'Primero.', begin: 0, end: 2 },
        { text: 'Segundo.', begin: 2, end: 4 },
      ],
    });
    const list = await fragments.GET(req('reviewer', '/'), params({ chapterId }));
    expect(list.status).toBe(200);

    const patched = await fragment.PATCH(
      req('reviewer', `/api/fragments/${a!.id}`, { ...json({ expectedVersion: 1, changes: { status: 'approved' }, userId: 'someone-else' }), method: 'PATCH' }),
      params({ fragmentId: a!.id }),
    );
    expect(patched.status).toBe(200);
    const moved = await boundary.POST(
      req('reviewer', '/api/fragments/boundary', json({ left: { fragmentId: a!.id, expectedVersion: 2 }, right: { fragmentId: b!.id, expectedVersion: 1 }, time: 2.5 })),
      params({}),
    );
    expect(moved.status).toBe(200);
    const revisions = await getDb().fragmentRevision.findMany({ where: { fragmentId: { in: [a!.id, b!.id] } }, orderBy: { createdAt: 'asc' } });
    expect(revisions.length).toBe(3);
    expect(revisions.every((r) => r.userId === reviewerId)).toBe(true);

    const anonymous = await fragment.PATCH(
      req(null, `/api/fragments/${a!.id}`, { ...json({ expectedVersion: 3, changes: { text: 'x' } }), method: 'PATCH' }),
      params({ fragmentId: a!.id }),
    );
    expect(anonymous.status).toBe(401);
    expect((await getDb().fragment.findUniqueOrThrow({ where: { id: a!.id } })).text).toBe('Primero.');
  });
});
