import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { createProject } from './create-project.ts';
import { createBook } from './create-book.ts';
import { addBookAudio } from './add-book-audio.ts';
import { deleteEmptyBook } from './delete-empty-book.ts';

useTestEnv();

describe('deleteEmptyBook', () => {
  it('deletes a book whose every upload was refused, and refuses a book that holds a file', async () => {
    const { id: projectId } = await createProject({ name: 'empty books' });
    const empty = await createBook({ projectId, title: 'nothing uploaded' });
    // a refused upload (not audio) leaves the book empty
    await expect(addBookAudio(empty.id, 'notes.txt', Readable.from([Buffer.from('text')]))).rejects.toThrow(/not a supported audio file/);
    expect(await deleteEmptyBook(empty.id)).toEqual({ deleted: empty.id });
    expect(await getDb().book.findUnique({ where: { id: empty.id } })).toBeNull();
    await expect(deleteEmptyBook(empty.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const kept = await createBook({ projectId, title: 'has audio' });
    await addBookAudio(kept.id, 'a.mp3', Readable.from([Buffer.from('not really audio, but stored')]));
    await expect(deleteEmptyBook(kept.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await getDb().book.findUnique({ where: { id: kept.id } })).not.toBeNull();
  });
});
