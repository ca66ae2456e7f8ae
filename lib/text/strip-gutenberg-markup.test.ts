import { describe, expect, it } from 'vitest';
import { stripGutenbergMarkup } from './strip-gutenberg-markup.ts';

describe('stripGutenbergMarkup', () => {
  it.each([
    ['Era _muy_ tarde[1]. [Ilustración: El hidalgo] Se fué.', 'Era muy tarde. Se fué.'],
    ['Antes [Nota: véase [2] más abajo.] después.', 'Antes después.'], // one level of nested brackets
    ['Página {23} siguiente -- dijo.', 'Página siguiente — dijo.'],
    ['Un [nota sin cerrar y [otra] sigue.', 'Un [nota sin cerrar y [otra] sigue.'],
  ])('%j → %j', (input, expected) => {
    expect(stripGutenbergMarkup(input)).toBe(expected);
  });

});
