// The demo book: a short original Spanish text in three chapters, written for Alinea (public domain).
export const DEMO_TITLE = 'El faro de la isla';
export const DEMO_AUTHOR = 'Equipo Alinea';

export const DEMO_CHAPTERS: { heading: string; paragraphs: string[] }[] = [
  {
    heading: 'CAPÍTULO I',
    paragraphs: [
      'En una isla pequeña del norte vivía un farero llamado Don Tomás. Cada tarde subía los ciento veinte escalones de la torre para encender la luz.',
      'El Sr. Tomás tenía 62 años y una barca vieja. Los pescadores decían que conocía el mar mejor que nadie.',
      'Una noche de invierno, el viento sopló con tanta fuerza que las olas cubrieron el muelle.',
    ],
  },
  {
    heading: 'CAPÍTULO II',
    paragraphs: [
      'A la mañana siguiente, una niña apareció en la playa. Se llamaba Lucía y había llegado en un bote de remos.',
      '¿De dónde vienes? preguntó el farero. La niña señaló el horizonte y no dijo nada.',
      'Tomás le preparó un plato de sopa caliente y le prestó una manta de lana.',
    ],
  },
  {
    heading: 'CAPÍTULO III',
    paragraphs: [
      'Durante el siglo XIX, la isla había sido un puerto importante. Ahora solo quedaban el faro y tres casas.',
      'Lucía aprendió a limpiar la lente y a leer las nubes. En primavera, los dos pintaron la torre de blanco.',
      'Y así, cada noche, la luz del faro volvió a brillar sobre el mar.',
    ],
  },
];

/** The ebook as Project Gutenberg lays it out: header, licence, hard-wrapped paragraphs, footer. */
export function demoEbookText(): string {
  const wrap = (p: string) => p.replace(/(.{1,68})(\s+|$)/g, '$1\n').trim();
  const body = DEMO_CHAPTERS.map((c) => [c.heading, ...c.paragraphs.map(wrap)].join('\n\n')).join('\n\n\n');
  return [
    `The Project Gutenberg eBook of ${DEMO_TITLE}`,
    '',
    'This eBook is for the use of anyone anywhere at no cost and with almost no restrictions whatsoever.',
    '',
    `Title: ${DEMO_TITLE}`,
    '',
    `Author: ${DEMO_AUTHOR}`,
    '',
    'Language: Spanish',
    '',
    `*** START OF THE PROJECT GUTENBERG EBOOK ${DEMO_TITLE.toUpperCase()} ***`,
    '',
    '',
    body,
    '',
    '',
    `*** END OF THE PROJECT GUTENBERG EBOOK ${DEMO_TITLE.toUpperCase()} ***`,
    '',
    'Updated editions will replace the previous one.',
    '',
  ].join('\n');
}
