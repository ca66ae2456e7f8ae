import { describe, expect, it } from 'vitest';
import { expandSpanish } from './expand-spanish.ts';

// The readable expanded text keeps case, punctuation and line breaks.
describe('expandSpanish', () => {
  it.each([
    [
      '—¿Qué quiere Vd.? —preguntó el Sr. D. Fernando—. ¡Responda usted!',
      '—¿Qué quiere usted? —preguntó el señor don Fernando—. ¡Responda usted!',
    ],
    [
      'En el siglo XIX reinaron Carlos IV y Fernando VII, no Carlos V.',
      'En el siglo diecinueve reinaron Carlos cuarto y Fernando séptimo, no Carlos quinto.',
    ],
    ['Era _muy_ tarde[1]. [Ilustración: El hidalgo] Se fué á la venta.', 'Era muy tarde. Se fué á la venta.'],
    ['21 hombres y 1.º de mayo.', 'Veintiún hombres y primero de mayo.'],
    ['Sr. López, pase.', 'Señor López, pase.'],
    ['CAPÍTULO IV\n\nDonde se cuenta', 'CAPÍTULO CUARTO\n\nDonde se cuenta'],
    ['IV.\n\nEra de noche.', 'Cuarto.\n\nEra de noche.'],
    ['XII.—El cautivo', 'Doce.—El cautivo'],
    ['capítulo iv', 'capítulo cuarto'],
    ['Entre los capítulos III y V.', 'Entre los capítulos tercero y quinto.'],
    ['Desde el siglo XV al XVII.', 'Desde el siglo quince al diecisiete.'],
    ['La jornada III.', 'La jornada tercera.'],
    ['Isabel I y Fernando V.', 'Isabel primera y Fernando quinto.'],
    ['Sancho IV el Bravo.', 'Sancho cuarto el Bravo.'],
    ['Recaredo II era godo.', 'Recaredo segundo era godo.'],
    ['El 1.º piso.', 'El primer piso.'],
    ['Los 2.os premios y las 3.as partes.', 'Los segundos premios y las terceras partes.'],
    ['Juan P. Ortega', 'Juan P. Ortega'],
    ['Dígame V. la verdad.', 'Dígame usted la verdad.'],
    // Not numbers without a context: English "I", the verb "vi", "mi", "di", a capital V alone.
    ['I said: VI is six.', 'I said: VI is six.'],
    ['Lo vi, y mi tío di mil gracias.', 'Lo vi, y mi tío di mil gracias.'],
    ['El siglo mi casa.', 'El siglo mi casa.'],
    ['Línea uno\r\nlínea dos', 'Línea uno\nlínea dos'],
    ['Canción'.normalize('NFD'), 'Canción'],
  ])('%j → %j', (input, expected) => {
    expect(expandSpanish(input)).toBe(expected);
  });
});

describe('expandSpanish agreement heuristics', () => {
  it.each([
    ['A las 3 de la tarde; a la 1.', 'A las tres de la tarde; a la una.'],
    ['Llegó con 41 hombres y 51 armas.', 'Llegó con cuarenta y un hombres y cincuenta y un armas.'],
    ['Son 1.000 mujeres y 1.000.000 de hombres.', 'Son mil mujeres y un millón de hombres.'],
    ['En 1808, 1809 y 1810.', 'En mil ochocientos ocho, mil ochocientos nueve y mil ochocientos diez.'],
    ['Del 1 al 10 de enero.', 'Del uno al diez de enero.'],
    ['la casa n.º 21 de la calle', 'la casa número veintiuno de la calle'],
    ['Tenía 1 año y 1 día.', 'Tenía un año y un día.'],
    ['Hay 21 problemas y 31 mapas.', 'Hay veintiún problemas y treinta y un mapas.'],
    ['Son 21 ciudades y 31 naciones.', 'Son veintiuna ciudades y treinta y una naciones.'],
    ['Medía 10km.', 'Medía diez km.'],
  ])('%j → %j', (input, expected) => {
    expect(expandSpanish(input)).toBe(expected);
  });
});

describe('expandSpanish on odd numbers', () => {
  it.each([
    ['Agente 007.', 'Agente cero cero siete.'],
    ['El 1001.º', 'El mil uno'],
    // Past 10^30 a number is spelt digit by digit.
    [`Un ${'1'.repeat(31)} largo`, `Un ${Array(31).fill('uno').join(' ')} largo`],
  ])('%j → %j', (input, expected) => {
    expect(expandSpanish(input)).toBe(expected);
  });
});
