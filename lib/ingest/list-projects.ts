import { getDb } from '../db/client.ts';

export async function listProjects() {
  const projects = await getDb().project.findMany({
    orderBy: { createdAt: 'desc' },
    include: { _count: { select: { books: true } } },
  });
  return projects.map((p) => ({ id: p.id, name: p.name, language: p.language, books: p._count.books, createdAt: p.createdAt }));
}

export async function listProjectBooks(projectId: string) {
  const books = await getDb().book.findMany({
    where: { projectId },
    orderBy: { createdAt: 'asc' },
    include: { _count: { select: { audioFiles: true, chapters: true } } },
  });
  return books.map((b) => ({
    id: b.id,
    title: b.title,
    author: b.author,
    audioFiles: b._count.audioFiles,
    chapters: b._count.chapters,
    ebookStatus: b.ebookStatus,
    splitStatus: b.splitStatus,
  }));
}
