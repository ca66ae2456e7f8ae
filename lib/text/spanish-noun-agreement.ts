import type { SpanishGender } from './spanish-numbers.ts';

export interface NounAgreement {
  gender: SpanishGender;
  /** The numeral is a determiner right before a noun (or before mil/millón): "veintiún años". */
  apocope: boolean;
  /** Feminine noun with stressed initial /a/: "un águila", "veintiún armas" (RAE). */
  tonicA: boolean;
}

const plurals = (words: string[]): string[] => words.flatMap((w) => [w, `${w}s`]);

// Function words, adverbs and number words: a numeral before them stands alone ("el 2 de mayo" → "dos").
const NOT_A_NOUN = new Set([
  'a', 'al', 'ante', 'bajo', 'con', 'contra', 'de', 'del', 'desde', 'en', 'entre', 'hacia', 'hasta', 'para',
  'por', 'según', 'sin', 'sobre', 'tras', 'y', 'e', 'o', 'u', 'ni', 'que', 'quien', 'quienes', 'cual', 'cuales',
  'como', 'cuando', 'donde', 'si', 'no', 'ya', 'más', 'menos', 'muy', 'tan', 'mas', 'pero', 'sino', 'pues',
  'aunque', 'porque', 'se', 'lo', 'la', 'las', 'los', 'el', 'le', 'les', 'me', 'te', 'nos', 'os', 'su', 'sus',
  'mi', 'mis', 'tu', 'tus', 'un', 'una', 'unos', 'unas', 'este', 'esta', 'estos', 'estas', 'ese', 'esa', 'esos',
  'esas', 'aquel', 'aquella', 'aquellos', 'aquellas', 'otro', 'otra', 'otros', 'otras', 'cada', 'todo', 'toda',
  'todos', 'todas', 'es', 'era', 'fue', 'son', 'eran', 'fueron', 'ha', 'han', 'había', 'habían', 'hay', 'he',
  'está', 'están', 'estaba', 'estaban', 'será', 'serán', 'sería', 'serían', 'apenas', 'casi', 'entonces',
  'después', 'antes', 'luego', 'también', 'tampoco', 'así', 'aquí', 'allí', 'ahí', 'ahora', 'siempre', 'nunca',
  'jamás', 'bien', 'mal', 'mismo', 'misma', 'mismos', 'mismas', 'solo', 'sólo', 'solamente',
  'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'cien', 'ciento', 'medio', 'media',
]);

// Masculine nouns ending in -a.
const MASCULINE = new Set(
  plurals([
    'día', 'mapa', 'problema', 'tema', 'sistema', 'programa', 'idioma', 'clima', 'planeta', 'poeta', 'drama',
    'poema', 'telegrama', 'diploma', 'panorama', 'fantasma', 'profeta', 'pirata', 'patriarca', 'monarca',
    'dilema', 'enigma', 'síntoma', 'esquema', 'teorema', 'lema', 'tranvía', 'aroma', 'dogma', 'prisma', 'cisma',
    'axioma', 'emblema', 'anatema', 'apóstata', 'jesuita', 'papa',
  ]),
);

// Feminine nouns not ending in -a (nor in -ión, -dad, -tad, -tud, -umbre, handled by suffix).
const FEMININE = new Set([
  'mano', 'manos', 'mujer', 'mujeres', 'vez', 'veces', 'noche', 'noches', 'tarde', 'tardes', 'gente', 'gentes',
  'calle', 'calles', 'llave', 'llaves', 'nave', 'naves', 'torre', 'torres', 'flor', 'flores', 'carne', 'carnes',
  'fuente', 'fuentes', 'muerte', 'muertes', 'parte', 'partes', 'suerte', 'suertes', 'sangre', 'clase', 'clases',
  'frase', 'frases', 'nieve', 'nieves', 'nube', 'nubes', 'serpiente', 'serpientes', 'piel', 'pieles', 'sal',
  'cárcel', 'cárceles', 'señal', 'señales', 'imagen', 'imágenes', 'virgen', 'vírgenes', 'razón', 'razones',
  'voz', 'voces', 'cruz', 'cruces', 'luz', 'luces', 'paz', 'nuez', 'nueces', 'raíz', 'raíces', 'nariz',
  'narices', 'perdiz', 'perdices', 'red', 'redes', 'pared', 'paredes', 'merced', 'mercedes', 'ley', 'leyes',
  'col', 'coles', 'res', 'reses', 'fe', 'fiebre', 'fiebres', 'leche', 'especie', 'especies', 'serie', 'series',
  'base', 'bases', 'catedral', 'catedrales', 'labor', 'labores', 'miel', 'sed', 'lid', 'crisis', 'tesis',
  'dosis', 'ave', 'aves', 'hambre', 'legión', 'legiones', 'hoz', 'hoces', 'costumbre',
]);

// Feminine nouns with stressed initial /a/ take "un": "un alma", "veintiún águilas".
const TONIC_A = new Set(
  plurals([
    'agua', 'águila', 'alma', 'arma', 'hacha', 'ala', 'área', 'aula', 'ave', 'haba', 'hada', 'asa', 'ama',
    'arca', 'arpa', 'habla', 'ancla', 'ansia', 'alba', 'acta', 'asta', 'aspa', 'alga', 'ánima', 'álgebra',
  ]).concat(['hambre']),
);

// -ión words that are masculine.
const MASCULINE_ION = new Set([
  'avión', 'aviones', 'camión', 'camiones', 'gorrión', 'gorriones', 'sarampión', 'guion', 'guión', 'guiones',
]);

const SCALE_NOUNS = new Set(['millón', 'millones', 'billón', 'billones', 'trillón', 'trillones']);

/** Grammatical gender of a Spanish noun, guessed from a few lists and its ending (lowercase input). */
export function guessNounGender(word: string): SpanishGender {
  if (MASCULINE.has(word) || MASCULINE_ION.has(word)) return 'masculine';
  if (FEMININE.has(word) || TONIC_A.has(word)) return 'feminine';
  if (/as?$/u.test(word)) return 'feminine';
  if (/(?:ión|iones|dad|dades|tad|tades|tud|tudes|umbre|umbres)$/u.test(word)) return 'feminine';
  return 'masculine';
}

const STANDALONE: NounAgreement = { gender: 'masculine', apocope: false, tonicA: false };

function isNounLike(word: string | undefined): word is string {
  // A capitalised word after a number is a name or a new sentence ("en 1808 Napoleón"), not a counted noun.
  return word !== undefined && /^\p{Ll}+$/u.test(word) && !NOT_A_NOUN.has(word);
}

/**
 * How a numeral agrees with the words that follow it: `next` is the word right after the number, `after`
 * the one after that (used when `next` is "mil": "21.000 mujeres" → "veintiuna mil mujeres").
 */
export function agreementWithFollowing(next: string | undefined, after?: string): NounAgreement {
  if (next === undefined) return STANDALONE;
  const word = next.toLowerCase();
  if (word === 'mil') {
    const noun = after?.toLowerCase();
    return { gender: isNounLike(noun) ? guessNounGender(noun) : 'masculine', apocope: true, tonicA: false };
  }
  if (SCALE_NOUNS.has(word)) return { gender: 'masculine', apocope: true, tonicA: false };
  if (!isNounLike(next)) return STANDALONE;
  return { gender: guessNounGender(word), apocope: true, tonicA: TONIC_A.has(word) };
}
