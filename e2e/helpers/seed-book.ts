// Shared by the specs: the generated fixture book (e2e/global-setup.ts), the e2e database, and a book uploaded,
// split and aligned through the API (as a signed-in admin: the request context carries the storage state).
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve('tmp/e2e-fixtures');
export const AUDIO = ['faro_01_alinea_64kb.mp3', 'faro_02_alinea_64kb.mp3', 'faro_03_alinea_64kb.mp3'].map((f) => path.join(FIXTURES, f));
export const EBOOK = path.join(FIXTURES, 'faro-de-la-isla.txt');

export function openDb() {
  return new Database(path.join(process.env.E2E_DATA_DIR!, 'alinea.db'), { readonly: true });
}

/** The rows `sql` selects from the e2e database, opened for this one query. */
export function queryAll<T>(sql: string, ...params: unknown[]): T[] {
  const db = openDb();
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The first row `sql` selects from the e2e database (undefined when none), opened for this one query. */
export function queryOne<T>(sql: string, ...params: unknown[]): T | undefined {
  const db = openDb();
  try {
    return db.prepare(sql).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

export async function ok<T>(res: Promise<APIResponse>): Promise<T> {
  const r = await res;
  if (!r.ok()) throw new Error(`${r.url()} → ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

export type Overview = { book: { splitStatus: string }; chapters: { id: string; alignStatus: string }[] };

/** A new project with the fixture book uploaded, its split accepted and every chapter aligned. */
export async function seedAlignedBook(request: APIRequestContext, name: string) {
  const { project } = await ok<{ project: { id: string } }>(request.post('/api/projects', { data: { name } }));
  const { book } = await ok<{ book: { id: string } }>(request.post(`/api/projects/${project.id}/books`, { data: { title: 'El faro de la isla', speakerId: 'espeak-es' } }));
  for (const file of AUDIO) {
    await ok(request.post(`/api/books/${book.id}/audio?name=${encodeURIComponent(path.basename(file))}`, { data: readFileSync(file), headers: { 'content-type': 'application/octet-stream' } }));
  }
  await ok(request.post(`/api/books/${book.id}/ebook?name=${encodeURIComponent(path.basename(EBOOK))}`, { data: readFileSync(EBOOK), headers: { 'content-type': 'application/octet-stream' } }));
  await expect.poll(async () => (await ok<Overview>(request.get(`/api/books/${book.id}`))).book.splitStatus, { timeout: 90_000 }).toBe('proposed');
  await ok(request.post(`/api/books/${book.id}/split`, { data: { action: 'accept' } }));
  await expect
    .poll(async () => (await ok<Overview>(request.get(`/api/books/${book.id}`))).chapters.map((c) => c.alignStatus).join(','), { timeout: 120_000 })
    .toBe('aligned,aligned,aligned');
  const { chapters } = await ok<Overview>(request.get(`/api/books/${book.id}`));
  return { projectId: project.id, bookId: book.id, chapters };
}

/** The fixture book, aligned, with every timed fragment approved (through the API). */
export async function seedApprovedBook(request: APIRequestContext, name: string) {
  const { projectId, bookId, chapters } = await seedAlignedBook(request, name);
  for (const c of chapters) {
    const { chapter } = await ok<{ chapter: { fragments: { id: string; version: number; begin: number | null; end: number | null }[] } }>(request.get(`/api/chapters/${c.id}/fragments`));
    for (const f of chapter.fragments) {
      if (f.begin === null || f.end === null) continue;
      await ok(request.patch(`/api/fragments/${f.id}`, { data: { expectedVersion: f.version, changes: { status: 'approved' }, reason: 'e2e approve' } }));
    }
  }
  return { projectId, bookId };
}
