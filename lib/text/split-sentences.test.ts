import { describe, expect, it } from 'vitest';
import { splitSentences, type SentenceSpan } from './split-sentences.ts';

/** The span invariants: ordered, non-overlapping, trimmed, non-empty, covering every non-space character once. */
function spanProblems(paragraph: string, spans: SentenceSpan[]): string[] {
  const problems: string[] = [];
  let covered = 0;
  for (const [k, span] of spans.entries()) {
    if (span.text === '') problems.push(`span ${k} is empty`);
    if (span.start < covered || span.end <= span.start) problems.push(`span ${k} is out of order`);
    if (paragraph.slice(span.start, span.end).trim() !== span.text) problems.push(`span ${k} differs from its slice`);
    if (span.text !== span.text.trim()) problems.push(`span ${k} is not trimmed`);
    if (paragraph.slice(covered, span.start).trim() !== '') problems.push(`text before span ${k} is lost`);
    covered = Math.max(covered, span.end);
  }
  if (paragraph.slice(covered).trim() !== '') problems.push('text after the last span is lost');
  return problems;
}

function expectValidSpans(paragraph: string, spans: SentenceSpan[]): void {
  expect(spanProblems(paragraph, spans)).toEqual([]);
}

type Case = [name: string, paragraph: string, sentences: string[], language?: string];

const CASES: Case[] = [
  // Real lines from the books.
  [
    'semicolons do not end a sentence',
    'Ya está la obra escrita, y hasta impresa; y ahí te la envío.',
    ['Ya está la obra escrita, y hasta impresa; y ahí te la envío.'],
  ],
  [
    'short sentences and a final ellipsis',
    'Hermanito. Dice hermanito. Anda...',
    ['Hermanito.', 'Dice hermanito.', 'Anda...'],
  ],
  [
    'D. before a name is don',
    'Al Señor D. Manuel Tamayo y Baus, secretario perpetuo de la Real Academia Española.',
    ['Al Señor D. Manuel Tamayo y Baus, secretario perpetuo de la Real Academia Española.'],
  ],
  ['a date at the end', 'Valdemoro, 20 de Septiembre de 1881.', ['Valdemoro, 20 de Septiembre de 1881.']],
  [
    'lowercase ASR text after ?',
    'esto parece tener sentido ya que en la tierra no se percibe su movimiento ¿cierto? carpanedo participó en dos carreras',
    [
      'esto parece tener sentido ya que en la tierra no se percibe su movimiento ¿cierto? carpanedo participó en dos carreras',
    ],
  ],

  // Inverted marks and dialogue.
  ['? then a dash and narration', '¿Qué hora es? —preguntó él.', ['¿Qué hora es? —preguntó él.']],
  ['question then exclamation', '¿Vienes? ¡Claro!', ['¿Vienes?', '¡Claro!']],
  [
    'narration closed by a dash before the period',
    '—Buenos días —dijo el capitán—. ¿Ha dormido usted bien?',
    ['—Buenos días —dijo el capitán—.', '¿Ha dormido usted bien?'],
  ],
  [
    'Gutenberg double hyphens',
    '--Buenos días --dijo el capitán--. ¿Ha dormido usted bien?',
    ['--Buenos días --dijo el capitán--.', '¿Ha dormido usted bien?'],
  ],
  ['en dashes, new speaker', '–¿Quién anda ahí? –Soy yo.', ['–¿Quién anda ahí?', '–Soy yo.']],
  [
    '! then narration, then a new speaker',
    '¡Ya voy! —gritó Juan desde la escalera. —Date prisa, que se enfría la sopa.',
    ['¡Ya voy! —gritó Juan desde la escalera.', '—Date prisa, que se enfría la sopa.'],
  ],
  ['a period then dash and lowercase narration', '—Sí. —dijo él, y se fue.', ['—Sí. —dijo él, y se fue.']],
  [
    'RAE lowercase series of questions',
    '¿Quién eres? ¿de dónde vienes? ¿qué quieres?',
    ['¿Quién eres? ¿de dónde vienes? ¿qué quieres?'],
  ],
  ['?! then a capital', '¿Qué?! ¡Imposible!', ['¿Qué?!', '¡Imposible!']],
  [
    'question with an abbreviation inside',
    '¿Es usted el Sr. López? —Sí, señor.',
    ['¿Es usted el Sr. López?', '—Sí, señor.'],
  ],
  [
    'a colon before a question',
    'Me preguntó: —¿Vienes? Y yo le dije que sí.',
    ['Me preguntó: —¿Vienes?', 'Y yo le dije que sí.'],
  ],

  // Closing quotes and brackets stay with the sentence.
  [
    'quoted question then a comma',
    '«¿Vienes?», le preguntó. «No», contestó ella.',
    ['«¿Vienes?», le preguntó.', '«No», contestó ella.'],
  ],
  [
    'closing guillemet after the period',
    'Me dijo: «Vete de aquí.» Y se fue.',
    ['Me dijo: «Vete de aquí.»', 'Y se fue.'],
  ],
  [
    'closing parenthesis',
    '(Esto lo escribí en 1880.) Después lo olvidé.',
    ['(Esto lo escribí en 1880.)', 'Después lo olvidé.'],
  ],
  ['exclamation in guillemets', '«¡Socorro!» Nadie respondió.', ['«¡Socorro!»', 'Nadie respondió.']],

  // Abbreviations.
  [
    'titles',
    'El Sr. García y la Sra. Pérez llegaron tarde con la Srta. Ruiz. Nadie los esperaba.',
    ['El Sr. García y la Sra. Pérez llegaron tarde con la Srta. Ruiz.', 'Nadie los esperaba.'],
  ],
  [
    'chained titles and S.M.',
    'Lo firmó el Excmo. Sr. D. Juan Valera ante S.M. la Reina. Fue un gran día.',
    ['Lo firmó el Excmo. Sr. D. Juan Valera ante S.M. la Reina.', 'Fue un gran día.'],
  ],
  [
    'abbreviations before numbers',
    'Véase la pág. 23 y el cap. 4 del vol. 2, art. 5, núm. 7. Luego volveremos.',
    ['Véase la pág. 23 y el cap. 4 del vol. 2, art. 5, núm. 7.', 'Luego volveremos.'],
  ],
  [
    'etc. may end a sentence',
    'Traía libros, papeles, plumas, etc. Todo lo dejó en la mesa.',
    ['Traía libros, papeles, plumas, etc.', 'Todo lo dejó en la mesa.'],
  ],
  [
    'etc. before lowercase',
    'Traía libros, papeles, etc. y lo dejó todo.',
    ['Traía libros, papeles, etc. y lo dejó todo.'],
  ],
  [
    'spaced a. C.',
    'Nació en el año 63 a. C. Murió mucho después.',
    ['Nació en el año 63 a. C.', 'Murió mucho después.'],
  ],
  [
    'a.C. and d.C.',
    'Nació en el 63 a.C. y murió en el 14 d.C. Fue emperador.',
    ['Nació en el 63 a.C. y murió en el 14 d.C.', 'Fue emperador.'],
  ],
  ['V. M. mid-sentence', 'Dios guarde a V. M. muchos años.', ['Dios guarde a V. M. muchos años.']],
  [
    'V.M. may end a sentence',
    'Así lo quiere V.M. Nadie puede oponerse.',
    ['Así lo quiere V.M.', 'Nadie puede oponerse.'],
  ],
  ['V. as usted after a verb', 'Ya lo sabe V. Ahora no hay remedio.', ['Ya lo sabe V.', 'Ahora no hay remedio.']],
  ['Ud. and Dª.', 'Ud. lo sabe, y Dª. Inés también. Yo no.', ['Ud. lo sabe, y Dª. Inés también.', 'Yo no.']],
  ['D.ª', 'Llegó D.ª Inés. Se sentó.', ['Llegó D.ª Inés.', 'Se sentó.']],
  [
    'p. ej. and Dr.',
    'Lo dijo el Dr. Pérez, p. ej. Madrid no es Roma.',
    ['Lo dijo el Dr. Pérez, p. ej. Madrid no es Roma.'],
  ],
  ['EE. UU. may end a sentence', 'Vivió en EE. UU. Allí murió.', ['Vivió en EE. UU.', 'Allí murió.']],
  ['lowercase titles', 'Llegó el sr. García con la sra. Pérez.', ['Llegó el sr. García con la sra. Pérez.']],
  ['an abbreviation ends the paragraph', 'Era el Sr.', ['Era el Sr.']],
  [
    'initials',
    'El libro de J. R. R. Tolkien se publicó en 1954. Tuvo éxito.',
    ['El libro de J. R. R. Tolkien se publicó en 1954.', 'Tuvo éxito.'],
  ],
  ['run-together initials', 'Lo firmó J.R.R. Tolkien.', ['Lo firmó J.R.R. Tolkien.']],
  [
    'English titles in Spanish text',
    'Mr. Fogg salió de casa. Passepartout lo siguió.',
    ['Mr. Fogg salió de casa.', 'Passepartout lo siguió.'],
  ],

  // Numbers and numerals.
  [
    'thousands and decimals',
    'Costó 1.500 pesetas, es decir, 3.14 veces más. Era caro.',
    ['Costó 1.500 pesetas, es decir, 3.14 veces más.', 'Era caro.'],
  ],
  ['ordinals', 'Vivía en el 1.º izquierda. Era el 2.º piso.', ['Vivía en el 1.º izquierda.', 'Era el 2.º piso.']],
  [
    'a number then a sentence starting with a digit',
    'Tenía 20 años. 30 días después se casó.',
    ['Tenía 20 años.', '30 días después se casó.'],
  ],
  ['chapter heading with a title', 'Capítulo I. El hidalgo', ['Capítulo I.', 'El hidalgo']],
  ['heading alone', 'CAPÍTULO IV.', ['CAPÍTULO IV.']],
  [
    'regnal numeral',
    'Reinaba entonces Carlos V. El emperador estaba en Flandes.',
    ['Reinaba entonces Carlos V.', 'El emperador estaba en Flandes.'],
  ],

  // Ellipses.
  ['ellipsis then a capital', 'Y entonces... Nadie dijo nada.', ['Y entonces...', 'Nadie dijo nada.']],
  ['ellipsis character then lowercase', 'Y entonces… nadie dijo nada.', ['Y entonces… nadie dijo nada.']],
  ['ellipsis then lowercase', 'Y entonces... no sé, quizá mañana.', ['Y entonces... no sé, quizá mañana.']],
  ['spaced ellipsis', 'Y entonces . . . Nadie contestó.', ['Y entonces . . .', 'Nadie contestó.']],
  ['a leading ellipsis is no sentence', '... Y entonces llegó.', ['... Y entonces llegó.']],

  // Colons, no punctuation, whitespace.
  [
    'colon and semicolon',
    'Dijo lo siguiente: Mañana iremos al campo; Pedro traerá el pan.',
    ['Dijo lo siguiente: Mañana iremos al campo; Pedro traerá el pan.'],
  ],
  [
    'no punctuation',
    'sin puntuacion alguna esto es texto de un reconocedor de voz',
    ['sin puntuacion alguna esto es texto de un reconocedor de voz'],
  ],
  [
    'a short exclamation stays its own sentence',
    '¡Ah! Aquella noche, cuando todos dormían, salió sin hacer ruido.',
    ['¡Ah!', 'Aquella noche, cuando todos dormían, salió sin hacer ruido.'],
  ],
  [
    'newlines inside the paragraph',
    'Primera línea.\nSegunda línea\ncontinúa aquí.',
    ['Primera línea.', 'Segunda línea\ncontinúa aquí.'],
  ],
  ['no space after the period', 'Hola.Adiós.', ['Hola.Adiós.']],
  ['trailing dash stays', 'Fin. —', ['Fin. —']],

  // English.
  [
    'English titles',
    'Mr. Smith went to Washington. He came back.',
    ['Mr. Smith went to Washington.', 'He came back.'],
    'eng',
  ],
  [
    'English p.m. and Dr.',
    'It was 5 p.m. when Dr. Watson arrived. Holmes was out.',
    ['It was 5 p.m. when Dr. Watson arrived.', 'Holmes was out.'],
    'eng',
  ],
  ['English pronoun I', 'He was taller than I. She was not.', ['He was taller than I.', 'She was not.'], 'eng'],
  [
    'English quotes',
    'She asked, "Are you coming?" He said no.',
    ['She asked, "Are you coming?"', 'He said no.'],
    'eng',
  ],
  [
    'English No. before a number',
    'See No. 5 in the list. It is short.',
    ['See No. 5 in the list.', 'It is short.'],
    'eng',
  ],
];

describe('splitSentences', () => {
  it.each(CASES)('%s', (_name, paragraph, sentences, language) => {
    const spans = splitSentences(paragraph, language);
    expect(spans.map((s) => s.text)).toEqual(sentences);
    expectValidSpans(paragraph, spans);
  });

  it('reports offsets into the original paragraph, leaving outer whitespace out', () => {
    const paragraph = '  Hola.\n  Adiós.  ';
    expect(splitSentences(paragraph)).toEqual([
      { text: 'Hola.', start: 2, end: 7 },
      { text: 'Adiós.', start: 10, end: 16 },
    ]);
  });

  it('counts UTF-16 code units for astral characters', () => {
    const paragraph = '𝔸 es una letra. 😀 Bien.';
    const spans = splitSentences(paragraph);
    expect(spans.map((s) => s.text)).toEqual(['𝔸 es una letra.', '😀 Bien.']);
    expectValidSpans(paragraph, spans);
  });

  it('splits Mr. Smith the same way with the default language', () => {
    expect(splitSentences('Mr. Smith went to Washington. He came back.')).toHaveLength(2);
  });

  it.each(['', ' ', '\n\t  \u00a0'])('returns no sentence for %j', (paragraph) => {
    expect(splitSentences(paragraph)).toEqual([]);
  });

  it('never throws and keeps the invariants on random strings', () => {
    const alphabet = [...'aZñÁ1 .?!…¿¡«»"“”’()—–-:;,\n\u00a0'];
    alphabet.push('Sr', 'D', 'V', 'I', 'etc', 'a', 'C', '\ud83d', '😀'); // '\ud83d': a lone surrogate
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let k = 0; k < 500; k++) {
      const length = Math.floor(random() * 60);
      const paragraph = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]!).join('');
      expectValidSpans(paragraph, splitSentences(paragraph));
      expectValidSpans(paragraph, splitSentences(paragraph, 'eng'));
    }
  });

  it('splits a 1 MB paragraph covering all of it (linear time)', () => {
    const chunk =
      '—Buenos días —dijo el Sr. D. Manuel—. ¿Ha dormido V. bien? ¡Claro! Eran las 5 p. m. del año 63 a. C. ' +
      'Y entonces... nadie dijo nada; J. R. R. Tolkien llegó con 1.500 libros, etc. ';
    const repeats = Math.ceil(1_000_000 / chunk.length);
    const paragraph = chunk.repeat(repeats);
    const spans = splitSentences(paragraph);
    expect(spans).toHaveLength(5 * repeats);
    expect(spans[0]!.text).toBe('—Buenos días —dijo el Sr. D. Manuel—.');
    expect(spans.at(-1)!.end).toBe(paragraph.trimEnd().length);
    expectValidSpans(paragraph, spans);
  });

  it.each([
    ['no punctuation', 'palabra '.repeat(130_000)],
    ['only initials', 'A. '.repeat(350_000)],
    ['one long word before each period', `${'x'.repeat(1_000)}. Y `.repeat(1_000)],
    ['only openers after a period', `Fin. ${'¿«—'.repeat(330_000)}`],
  ])('handles a 1 MB paragraph of %s', (_name, paragraph) => {
    expectValidSpans(paragraph, splitSentences(paragraph));
  });
});
