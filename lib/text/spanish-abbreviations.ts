import { romanNumeralContext } from './roman-numeral-context.ts';
import { REGNAL_NAMES } from './spanish-regnal-names.ts';
import { capitaliseFirst, isSentenceStart } from './sentence-start.ts';
import { OutputBuffer, textAfter } from './text-window.ts';

export interface SpanishAbbreviation {
  /** As written, case-sensitive. A space inside also matches no space ("S.M." = "S. M."). */
  abbr: string;
  expansion: string;
  /** May close a sentence ("… y otras cosas, etc."): the period is kept when a new sentence follows. */
  canEndSentence?: boolean;
  /** Regex source the following text must match (lookahead), for abbreviations that are ambiguous. */
  followedBy?: string;
}

// Followed by a number (arabic or uppercase roman): "t. II", "Cap. 3".
const BEFORE_NUMBER = String.raw`\s*(?:\d|[IVXLCDM]+(?![\p{L}\p{N}]))`;

/** The abbreviation table of the project notes (RAE usage in 19th-century books), plus a few plurals. */
export const SPANISH_ABBREVIATIONS: readonly SpanishAbbreviation[] = [
  { abbr: 'Sr.', expansion: 'señor' },
  { abbr: 'Sres.', expansion: 'señores' },
  { abbr: 'Sra.', expansion: 'señora' },
  { abbr: 'Sras.', expansion: 'señoras' },
  { abbr: 'Srta.', expansion: 'señorita' },
  { abbr: 'D.', expansion: 'don', followedBy: String.raw`\s*\p{Lu}` },
  { abbr: 'D.ª', expansion: 'doña' },
  { abbr: 'Dña.', expansion: 'doña' },
  { abbr: 'Ud.', expansion: 'usted', canEndSentence: true },
  { abbr: 'Vd.', expansion: 'usted', canEndSentence: true },
  { abbr: 'V.', expansion: 'usted', canEndSentence: true },
  { abbr: 'Uds.', expansion: 'ustedes', canEndSentence: true },
  { abbr: 'Vds.', expansion: 'ustedes', canEndSentence: true },
  // In Golden Age prose V. M. is mostly "vuestra merced"; the notes allow either reading.
  { abbr: 'V. M.', expansion: 'vuestra merced', canEndSentence: true },
  { abbr: 'V. E.', expansion: 'vuestra excelencia', canEndSentence: true },
  { abbr: 'V. A.', expansion: 'vuestra alteza', canEndSentence: true },
  { abbr: 'S. M.', expansion: 'su majestad', canEndSentence: true },
  { abbr: 'SS. MM.', expansion: 'sus majestades', canEndSentence: true },
  { abbr: 'S. A.', expansion: 'su alteza', canEndSentence: true },
  { abbr: 'S. E.', expansion: 'su excelencia', canEndSentence: true },
  { abbr: 'Excmo.', expansion: 'excelentísimo' },
  { abbr: 'Excma.', expansion: 'excelentísima' },
  { abbr: 'Ilmo.', expansion: 'ilustrísimo' },
  { abbr: 'Ilma.', expansion: 'ilustrísima' },
  { abbr: 'Dr.', expansion: 'doctor' },
  { abbr: 'Dra.', expansion: 'doctora' },
  { abbr: 'Ldo.', expansion: 'licenciado' },
  { abbr: 'Lda.', expansion: 'licenciada' },
  { abbr: 'Fr.', expansion: 'fray' },
  { abbr: 'P.', expansion: 'padre' },
  { abbr: 'Sto.', expansion: 'santo' },
  { abbr: 'Sta.', expansion: 'santa' },
  { abbr: 'Ntra. Sra.', expansion: 'nuestra señora' },
  { abbr: 'Gral.', expansion: 'general' },
  { abbr: 'Cía.', expansion: 'compañía', canEndSentence: true },
  { abbr: 'etc.', expansion: 'etcétera', canEndSentence: true },
  { abbr: 'p. ej.', expansion: 'por ejemplo' },
  { abbr: 'a. C.', expansion: 'antes de Cristo', canEndSentence: true },
  { abbr: 'd. C.', expansion: 'después de Cristo', canEndSentence: true },
  { abbr: 'pág.', expansion: 'página' },
  { abbr: 'págs.', expansion: 'páginas' },
  { abbr: 'cap.', expansion: 'capítulo' },
  // "Cap." is capitán, except before a chapter number (a heading "Cap. IV").
  { abbr: 'Cap.', expansion: 'capítulo', followedBy: BEFORE_NUMBER },
  { abbr: 'Cap.', expansion: 'capitán' },
  { abbr: 'núm.', expansion: 'número' },
  { abbr: 'n.º', expansion: 'número' },
  { abbr: 'n.°', expansion: 'número' }, // degree sign typed for º
  { abbr: 'vol.', expansion: 'volumen' },
  { abbr: 't.', expansion: 'tomo', followedBy: BEFORE_NUMBER },
  { abbr: 'art.', expansion: 'artículo' },
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s?');

// Longest first so that "V. M." wins over "V." and "Ntra. Sra." over "Sra."; conditional entries first.
const ORDERED = [...SPANISH_ABBREVIATIONS].sort(
  (a, b) => b.abbr.length - a.abbr.length || Number(Boolean(b.followedBy)) - Number(Boolean(a.followedBy)),
);

const PATTERN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${ORDERED.map(
    (e) => `(${escape(e.abbr)}${e.followedBy ? `(?=${e.followedBy})` : ''})`,
  ).join('|')})(?![\p{L}\p{N}])`,
  'gu',
);

// A new sentence (or the end) follows: keep the abbreviation's period as a full stop.
const SENTENCE_FOLLOWS = /^(?:\s*$|\s+[\p{Lu}¿¡«"“])/u;

function isInitialOrNumeral(abbr: string, before: string, after: string): boolean {
  if (!/^\p{Lu}\.$/u.test(abbr)) return false;
  // "Carlos V.", "siglo V.", "capítulos III y V.", a heading "V.": the Roman pass reads these.
  if (abbr === 'V.' && romanNumeralContext(before, 'V', after) !== null) return true;
  // "Juan P. Ortega": a single capital after a name is an initial, not "padre", "usted", "don". A capitalised
  // word that starts the sentence is not a name ("Dígame V. la verdad").
  const match = /(\p{Lu}\p{Ll}+)\s+$/u.exec(before);
  if (!match) return false;
  if (REGNAL_NAMES.has(match[1]!)) return true;
  return !isSentenceStart(before.slice(0, match.index));
}

/** Expands the abbreviations of SPANISH_ABBREVIATIONS in running text, keeping case at sentence starts. */
export function expandSpanishAbbreviations(text: string): string {
  const out = new OutputBuffer();
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    const index = match.index;
    const entry = ORDERED[match.slice(1).findIndex((group) => group !== undefined)]!;
    out.append(text.slice(last, index));
    last = index + match[0].length;
    const before = out.tail();
    if (isInitialOrNumeral(entry.abbr, before, textAfter(text, index + 1))) {
      out.append(match[0]);
      continue;
    }
    let expansion = isSentenceStart(before) ? capitaliseFirst(entry.expansion) : entry.expansion;
    if (entry.canEndSentence && SENTENCE_FOLLOWS.test(textAfter(text, last))) expansion += '.';
    out.append(expansion);
  }
  out.append(text.slice(last));
  return out.toString();
}
