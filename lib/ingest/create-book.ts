import { z } from 'zod';
import { getDb } from '../db/client.ts';
import { getProject } from './create-project.ts';

export const createBookInput = z.object({
  projectId: z.string().min(1),
  title: z.string().trim().min(1, 'Give the book a title').max(300),
  author: z.string().trim().max(300).optional(),
  speakerId: z.string().trim().max(100).optional(),
});

export async function createBook(input: z.input<typeof createBookInput>) {
  const data = createBookInput.parse(input);
  const project = await getProject(data.projectId);
  return getDb().book.create({
    data: { ...data, author: data.author || null, speakerId: data.speakerId || null, language: project.language },
  });
}
