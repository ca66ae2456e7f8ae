import { describe, expect, it } from 'vitest';
import { expandSpanishAbbreviations, SPANISH_ABBREVIATIONS } from './spanish-abbreviations.ts';

describe('expandSpanishAbbreviations', () => {
  it.each([
    ['el Sr. D. Fernando', 'el señor don Fernando'],
    ['Sr. López, pase.', 'Señor López, pase.'],
    ['¿Qué quiere Vd.?', '¿Qué quiere usted?'],
    // The abbreviation's period also closes the sentence when a new one follows.
    ['Lo dirá Vd. Luego se verá.', 'Lo dirá usted. Luego se verá.'],
    ['libros, papeles, etc.', 'libros, papeles, etcétera.'],
    ['libros, etc., y más', 'libros, etcétera, y más'],
    ['como V. M. mande', 'como vuestra merced mande'],
    ['como V.M. mande', 'como vuestra merced mande'],
    ['—D.ª Inés, Dña. Clara', '—Doña Inés, doña Clara'],
    ['la Sra. y la Srta.', 'la señora y la señorita'],
    ['Ntra. Sra. del Pilar', 'Nuestra señora del Pilar'],
    ['véase el cap. 3', 'véase el capítulo 3'],
    ['el Cap. Alatriste', 'el capitán Alatriste'],
    ['Cap. IV', 'Capítulo IV'],
    ['el t. II', 'el tomo II'],
    // Case-sensitive, and only whole abbreviations.
    ['la SRA. y el sr.', 'la SRA. y el sr.'],
    ['Sres. y Sras.', 'Señores y señoras'],
    // A single capital after a name is an initial (or a numeral), not don/usted/padre.
    ['Juan P. Ortega', 'Juan P. Ortega'],
    ['Carlos V. murió', 'Carlos V. murió'],
    ['Dígame V. la verdad', 'Dígame usted la verdad'],
    ['el P. Isla', 'el padre Isla'],
    // "t." alone is not tomo; "D." before a lowercase word is not don.
    ['en la t. de', 'en la t. de'],
    ['la letra D. es', 'la letra D. es'],
  ])('%j → %j', (input, expected) => {
    expect(expandSpanishAbbreviations(input)).toBe(expected);
  });

  it.each(SPANISH_ABBREVIATIONS.map((entry) => [entry.abbr, entry.expansion, entry] as const))(
    'table entry %s → %s',
    (abbr, expansion, { followedBy }) => {
      const tail = followedBy === undefined ? ' y' : abbr === 'D.' ? ' Juan' : ' 4';
      expect(expandSpanishAbbreviations(`de ${abbr}${tail}`)).toBe(`de ${expansion}${tail}`);
    },
  );
});
