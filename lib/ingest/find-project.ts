import { getDb } from '../db/client.ts';

/** The project, or null when there is none with this id (pages answer 404; use cases use getProject). */
export async function findProject(projectId: string) {
  return getDb().project.findUnique({ where: { id: projectId } });
}
