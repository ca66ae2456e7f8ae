import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { mapPrismaError } from '../db/map-prisma-error.ts';

export const createProjectInput = z.object({
  name: z.string().trim().min(1, 'Give the project a name').max(120),
  language: z.string().trim().regex(/^[a-z]{3}$/, 'Use a 3-letter ISO 639-3 code such as spa').default('spa'),
});

export async function createProject(input: z.input<typeof createProjectInput>) {
  const data = createProjectInput.parse(input);
  try {
    return await getDb().project.create({ data });
  } catch (e) {
    throw mapPrismaError(e, { conflict: `A project named "${data.name}" already exists. Pick another name.` });
  }
}

export async function findOrCreateProject(name: string, language = 'spa') {
  const existing = await getDb().project.findUnique({ where: { name } });
  return existing ?? createProject({ name, language });
}

export async function getProject(id: string) {
  const project = await getDb().project.findUnique({ where: { id } });
  if (!project) throw new AppError('NOT_FOUND', `Project ${id} does not exist.`);
  return project;
}
