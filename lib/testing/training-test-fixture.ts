// Test fixture: a tiny tfrecord export (tones standing in for speech) registered as a succeeded Export row.
import path from 'node:path';
import { getDb } from '../db/client.ts';
import { writeExportFixture } from './write-export-fixture.ts';

const tone = (hz: number, ms: number) =>
  Int16Array.from({ length: (ms * 16_000) / 1000 }, (_, i) => Math.round(6000 * Math.sin((2 * Math.PI * hz * i) / 16_000) + 800 * Math.sin(i * 0.01 * hz)));
const WORDS = ['sol', 'mar', 'casa', 'luna', 'pan', 'flor'];

/** Writes <dataDir>/exports/<id> with train/dev/test splits and creates its project and Export row. */
export async function seedTrainingExport(dataDir: string, name = `train ${Math.random().toString(36).slice(2, 8)}`): Promise<{ exportId: string; dir: string }> {
  const db = getDb();
  const project = await db.project.create({ data: { name } });
  const id = `exp_${Math.random().toString(36).slice(2, 12)}`;
  const dir = path.join(dataDir, 'exports', id);
  await writeExportFixture(dir, ' abcdefghijklmnopqrstuvwxyz', {
    train: WORDS.map((w, i) => ({ id: `t${i}`, text: w, samples: tone(150 + 60 * i, 350 + 30 * i) })),
    dev: WORDS.slice(0, 2).map((w, i) => ({ id: `d${i}`, text: w, samples: tone(150 + 60 * i, 350 + 30 * i) })),
    test: WORDS.slice(2, 4).map((w, i) => ({ id: `e${i}`, text: w, samples: tone(270 + 60 * i, 410 + 30 * i) })),
  });
  await db.export.create({ data: { id, projectId: project.id, status: 'succeeded', settings: JSON.stringify({ formats: ['tfrecord'] }), dir, finishedAt: new Date() } });
  return { exportId: id, dir };
}
