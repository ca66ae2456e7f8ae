// `alinea seed-demo`: a short Spanish audiobook made with espeak-ng (one MP3 per chapter, with a spoken
// LibriVox-style intro on the first) plus its ebook, imported into the project "Demo".
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDb } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate-database.ts';
import { synthesizeSpeech } from '../audio/synthesize-speech.ts';
import { importBook } from '../books/import-book.ts';
import { DEMO_AUTHOR, DEMO_CHAPTERS, DEMO_TITLE, demoEbookText } from './demo-book.ts';

export const DEMO_PROJECT = 'Demo';

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed: ${err.slice(-500)}`))));
  });
}

export async function seedDemo(opts: { force?: boolean; log?: (m: string) => void } = {}) {
  const log = opts.log ?? (() => {});
  await migrateDatabase();
  const db = getDb();
  await db.user.upsert({
    where: { email: 'admin@alinea.local' },
    update: {},
    create: { email: 'admin@alinea.local', name: 'Admin', role: 'admin' },
  });
  const existing = await db.project.findUnique({ where: { name: DEMO_PROJECT }, include: { books: true } });
  if (existing && existing.books.length > 0 && !opts.force) {
    log('demo project exists; nothing to do');
    return { created: false, projectId: existing.id };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'alinea-demo-'));
  try {
    const audio: string[] = [];
    for (const [i, chapter] of DEMO_CHAPTERS.entries()) {
      const n = String(i + 1).padStart(2, '0');
      const intro = i === 0 ? `Capítulo ${i + 1} de ${DEMO_TITLE}. Esta es una grabación de LibriVox. ` : '';
      const spoken = `${intro}${chapter.heading.replace('CAPÍTULO', 'Capítulo')}. ${chapter.paragraphs.join(' ')} Fin del capítulo ${i + 1}.`;
      const wav = path.join(dir, `${n}.wav`);
      await synthesizeSpeech(spoken, wav, { voice: 'es', wordsPerMinute: 165 });
      const mp3 = path.join(dir, `faro_${n}_alinea_64kb.mp3`);
      await run('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-ac', '1', '-ar', '44100', '-b:a', '64k', mp3]);
      audio.push(mp3);
      log(`synthesised chapter ${i + 1}`);
    }
    const text = path.join(dir, 'faro-de-la-isla.txt');
    await writeFile(text, demoEbookText(), 'utf8');
    const summary = await importBook({ project: DEMO_PROJECT, audio, text, title: DEMO_TITLE, author: DEMO_AUTHOR, log });
    return { created: true, ...summary };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
