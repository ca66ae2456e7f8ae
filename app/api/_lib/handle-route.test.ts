// The edge of every route: a body that is not JSON, a body or query that fails the use case's schema, and an
// unexpected error, as the client sees them.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createUser } from '@/lib/auth/create-user.ts';
import { signIn } from '@/lib/auth/sign-in.ts';
import { getDb } from '@/lib/db/client.ts';
import { INTERNAL_ERROR_MESSAGE } from '@/lib/errors/app-error.ts';
import { formatZodError } from '@/lib/errors/format-zod-error.ts';
import { createBookInput } from '@/lib/ingest/create-book.ts';
import { useTestEnv } from '@/lib/testing/use-test-env.ts';
import * as projects from '../projects/route.ts';
import * as books from '../projects/[projectId]/books/route.ts';
import * as revisions from '../fragments/[fragmentId]/revisions/route.ts';
import { route } from './handle-route.ts';

const params = <T>(p: T) => ({ params: Promise.resolve(p) });
let cookie = '';
const req = (url: string, init: RequestInit = {}) =>
  new Request(`http://localhost:3000${url}`, { ...init, headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', ...(init.headers as Record<string, string>), cookie } });
const post = (url: string, body: string) => req(url, { method: 'POST', body });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('route edge: input and errors', () => {
  useTestEnv();
  beforeAll(async () => {
    await createUser({ email: 'admin@example.org', password: 'admin password', role: 'admin' });
    cookie = (await signIn('admin@example.org', 'admin password')).cookie;
  });
  afterEach(() => vi.restoreAllMocks());

  it('a body that is not JSON is a 400 saying so, not a missing field', async () => {
    for (const body of ['{"name": "Half', 'name=Faro', '']) {
      const res = await projects.POST(post('/api/projects', body), params({}));
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/^The request body is not valid JSON: /);
      expect(error.message).not.toContain('→ at name');
    }
    expect(await getDb().project.count()).toBe(0);
  });

  it('a body that fails the schema is a 400 with zod\'s formatted message naming the field', async () => {
    const noName = await projects.POST(post('/api/projects', JSON.stringify({ name: ' ' })), params({}));
    expect(noName.status).toBe(400);
    expect(await errorOf(noName)).toMatchObject({ code: 'INVALID_INPUT', message: '✖ Give the project a name\n  → at name' });

    const { project } = await (await projects.POST(post('/api/projects', JSON.stringify({ name: 'Faro' })), params({}))).json();
    const noTitle = await books.POST(post('/', JSON.stringify({ author: 'Anon' })), params({ projectId: project.id }));
    expect(noTitle.status).toBe(400);
    const expected = formatZodError(createBookInput.safeParse({ projectId: project.id, author: 'Anon' }).error!);
    expect(await errorOf(noTitle)).toEqual({ code: 'INVALID_INPUT', message: expected });
    expect(expected).toContain('→ at title');
    // an array is not an object: the URL's projectId is not merged into it
    expect(await errorOf(await books.POST(post('/', '[]'), params({ projectId: project.id })))).toMatchObject({
      message: '✖ Invalid input: expected object, received array',
    });
    // the URL's id wins over the body's
    const made = await books.POST(post('/', JSON.stringify({ title: 'Uno', projectId: 'elsewhere' })), params({ projectId: project.id }));
    expect((await made.json()).book.projectId).toBe(project.id);
  });

  it('a query that fails the schema is a 400 naming the parameter', async () => {
    const res = await revisions.GET(req('/api/fragments/f1/revisions?limit=lots'), params({ fragmentId: 'f1' }));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('✖ Invalid input: expected number, received NaN\n  → at limit');
  });

  it('an unexpected error is a 500 that says nothing internal; the error is logged', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const boom = new Error('SQLITE_CANTOPEN: unable to open /srv/alinea/secret.db');
    const handler = route(async () => {
      throw boom;
    });
    const res = await handler(req('/api/anything', { method: 'POST' }), params({}));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE } });
    expect(text).not.toMatch(/SQLITE|secret/);
    expect(log).toHaveBeenCalledWith('POST /api/anything failed:', boom);
  });

  it('a ZodError thrown past the edge is still a 400 with the one formatter', async () => {
    const schema = z.object({ steps: z.number() });
    const handler = route(async () => schema.parse({ steps: 'many' }));
    const res = await handler(req('/'), params({}));
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ code: 'INVALID_INPUT', message: '✖ Invalid input: expected number, received string\n  → at steps' });
  });
});
