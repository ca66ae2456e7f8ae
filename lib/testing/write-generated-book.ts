// A generated audiobook of any number of short chapters, for tests that need many jobs (the multi-worker test):
// one MP3 per chapter spoken by espeak-ng (heading + paragraphs, in another voice than the aligner's own) and
// the ebook as a Project Gutenberg-style .txt whose "CAPÍTULO N" headings the split follows. Deterministic: the
// same options give the same text and, with the same espeak-ng and ffmpeg, the same audio bytes.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { synthesizeSpeech } from '../audio/synthesize-speech.ts';
import { startChild } from '../process/start-child.ts';

export const GENERATED_BOOK_TITLE = 'La costa del sur';

/** Sentences the paragraphs are made of (no digits or abbreviations: what is written is what is spoken). */
const SENTENCES = [
  'El barco salió del puerto antes del amanecer.',
  'Los marineros cantaban mientras recogían las redes.',
  'Una gaviota blanca seguía la estela del barco.',
  'En la costa del sur las montañas caen directamente al mar.',
  'La capitana miraba el cielo y callaba.',
  'Nadie sabía cuántos días duraría el viaje.',
  'Por la tarde el viento cambió de dirección.',
  'El cocinero preparó un guiso de pescado con patatas.',
  'Las olas golpeaban la proa con un ruido sordo.',
  'A lo lejos se veía la luz de un faro.',
  'El más joven de la tripulación escribía cartas que nunca enviaba.',
  'La lluvia llegó de repente y empapó la cubierta.',
  'Cuando salió la luna, el mar se volvió de plata.',
  'Un viejo pescador les habló de una isla escondida.',
  'Los mapas antiguos no mostraban ninguna tierra en aquella zona.',
  'Durante la noche se oyeron voces sobre el agua.',
  'La capitana ordenó bajar las velas y esperar.',
  'Al amanecer apareció una playa de arena negra.',
  'Los árboles crecían tan cerca del agua que sus raíces tocaban las olas.',
  'Encontraron una cabaña vacía con la puerta abierta.',
  'Dentro había una mesa, dos sillas y un libro sin título.',
  'El libro contaba la historia de otro barco perdido.',
  'Decidieron quedarse en la isla hasta que pasara la tormenta.',
  'Cada mañana subían a la colina para mirar el horizonte.',
  'Una semana después vieron humo detrás de las rocas.',
  'Era un grupo de pescadores que había naufragado meses antes.',
  'Compartieron la comida y las historias alrededor del fuego.',
  'Cuando el tiempo mejoró, todos subieron juntos al barco.',
  'El regreso fue tranquilo y el mar parecía dormido.',
  'En el puerto los esperaba toda la ciudad.',
];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];
const SPOKEN_ORDINAL = ['primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno', 'décimo'];

export type GeneratedChapter = { heading: string; paragraphs: string[] };

/** Chapter i: "CAPÍTULO <roman>" and `paragraphsPerChapter` paragraphs of two sentences each. */
export function generatedChapters(count: number, paragraphsPerChapter = 2): GeneratedChapter[] {
  if (count < 1 || count > ROMAN.length) throw new Error(`generatedChapters: 1 to ${ROMAN.length} chapters, not ${count}`);
  let k = 0;
  const next = () => SENTENCES[k++ % SENTENCES.length]!;
  return Array.from({ length: count }, (_, i) => ({
    heading: `CAPÍTULO ${ROMAN[i]}`,
    paragraphs: Array.from({ length: paragraphsPerChapter }, () => `${next()} ${next()}`),
  }));
}

export function generatedEbookText(chapters: readonly GeneratedChapter[]): string {
  const body = chapters.map((c) => [c.heading, ...c.paragraphs].join('\n\n')).join('\n\n\n');
  return [
    `The Project Gutenberg eBook of ${GENERATED_BOOK_TITLE}`,
    '',
    `Title: ${GENERATED_BOOK_TITLE}`,
    '',
    'Author: Equipo Alinea',
    '',
    'Language: Spanish',
    '',
    `*** START OF THE PROJECT GUTENBERG EBOOK ${GENERATED_BOOK_TITLE.toUpperCase()} ***`,
    '',
    '',
    body,
    '',
    '',
    `*** END OF THE PROJECT GUTENBERG EBOOK ${GENERATED_BOOK_TITLE.toUpperCase()} ***`,
    '',
  ].join('\n');
}

/**
 * Writes `<dir>/costa_NN.mp3` per chapter (mono 44.1 kHz 64 kbit/s, about 12 s each with two paragraphs) and
 * `<dir>/la-costa-del-sur.txt`. The heading is read as a narrator would ("Capítulo primero").
 */
export async function writeGeneratedBook(
  dir: string,
  opts: { chapters: number; paragraphsPerChapter?: number },
): Promise<{ audio: string[]; text: string; chapters: GeneratedChapter[] }> {
  const chapters = generatedChapters(opts.chapters, opts.paragraphsPerChapter);
  const audio = await Promise.all(
    chapters.map(async (chapter, i) => {
      const n = String(i + 1).padStart(2, '0');
      const heading = i < SPOKEN_ORDINAL.length ? `Capítulo ${SPOKEN_ORDINAL[i]}.` : `${chapter.heading}.`;
      const wav = path.join(dir, `${n}.wav`);
      await synthesizeSpeech([heading, ...chapter.paragraphs].join(' '), wav, { voice: 'es-419', wordsPerMinute: 165 });
      const mp3 = path.join(dir, `costa_${n}.mp3`);
      // -bitexact: no encoder version tag, so the same input gives the same bytes
      const { code, stderr } = await startChild('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-ac', '1', '-ar', '44100', '-b:a', '64k', '-bitexact', mp3]).exit;
      if (code !== 0) throw new Error(`ffmpeg failed: ${stderr.slice(-500)}`);
      await rm(wav, { force: true });
      return mp3;
    }),
  );
  const text = path.join(dir, 'la-costa-del-sur.txt');
  await writeFile(text, generatedEbookText(chapters), 'utf8');
  return { audio, text, chapters };
}
