import type { SpanishGender } from './spanish-numbers.ts';

const MASCULINE = [
  'Abderramán', 'Adriano', 'Alejandro', 'Alfonso', 'Amadeo', 'Benedicto', 'Bermudo', 'Bonifacio', 'Calixto',
  'Carlos', 'Celestino', 'Clemente', 'Constantino', 'Eduardo', 'Enrique', 'Esteban', 'Eugenio', 'Federico',
  'Felipe', 'Fernando', 'Francisco', 'Fruela', 'García', 'Gregorio', 'Guillermo', 'Gustavo', 'Honorio', 'Hixem',
  'Inocencio', 'Jaime', 'Jorge', 'José', 'Juan', 'Julio', 'León', 'Leopoldo', 'Luis', 'Manuel', 'Marcelo',
  'Martín', 'Napoleón', 'Nicolás', 'Ordoño', 'Otón', 'Pablo', 'Paulo', 'Pedro', 'Pío', 'Ramiro', 'Ricardo',
  'Sancho', 'Sergio', 'Silvestre', 'Sixto', 'Teobaldo', 'Urbano', 'Víctor',
];

const FEMININE = [
  'Ana', 'Berenguela', 'Blanca', 'Catalina', 'Cristina', 'Isabel', 'Juana', 'Leonor', 'Margarita', 'María',
  'Urraca', 'Victoria',
];

/**
 * Names of kings, queens and popes, with the gender their ordinal takes ("Isabel II" → segunda). A single-
 * letter numeral (I, V, X) is read as a number only after one of these: "Carlos V", but "Dígame V." is usted.
 */
export const REGNAL_NAMES: ReadonlyMap<string, SpanishGender> = new Map([
  ...MASCULINE.map((name) => [name, 'masculine'] as const),
  ...FEMININE.map((name) => [name, 'feminine'] as const),
]);
