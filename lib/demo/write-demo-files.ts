// Writes the demo audiobook into a folder: one MP3 per chapter made with espeak-ng (the first with a spoken
// LibriVox-style intro that is not in the text) and the ebook as a Project Gutenberg-style .txt.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { synthesizeSpeech } from '../audio/synthesize-speech.ts';
import { startChild } from '../process/start-child.ts';
import { DEMO_CHAPTERS, DEMO_TITLE, demoEbookText } from './demo-book.ts';
import { expandSpanish } from '../text/expand-spanish.ts';

async function run(cmd: string, args: string[]): Promise<void> {
  const { code, stderr } = await startChild(cmd, args).exit;
  if (code !== 0) throw new Error(`${cmd} failed: ${stderr.slice(-500)}`);
}

export async function writeDemoFiles(dir: string): Promise<{ audio: string[]; text: string }> {
  const audio: string[] = [];
  for (const [i, chapter] of DEMO_CHAPTERS.entries()) {
    const n = String(i + 1).padStart(2, '0');
    const intro = i === 0 ? `Capítulo ${i + 1} de ${DEMO_TITLE}. Esta es una grabación de LibriVox. ` : '';
    // read as a narrator would ("Capítulo primero", "señor", "sesenta y dos"), in another voice than the
    // aligner's own (es), with a spoken intro/outro that is not in the ebook
    const body = [chapter.heading, ...chapter.paragraphs].map((p) => expandSpanish(p).replace(/([^.!?])$/, '$1.')).join(' ');
    const spoken = `${intro}${body} Fin del capítulo ${i + 1}.`;
    const wav = path.join(dir, `${n}.wav`);
    await synthesizeSpeech(spoken, wav, { voice: 'es-419', wordsPerMinute: 150 });
    const mp3 = path.join(dir, `faro_${n}_alinea_64kb.mp3`);
    await run('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-ac', '1', '-ar', '44100', '-b:a', '64k', mp3]);
    audio.push(mp3);
  }
  const text = path.join(dir, 'faro-de-la-isla.txt');
  await writeFile(text, demoEbookText(), 'utf8');
  return { audio, text };
}
