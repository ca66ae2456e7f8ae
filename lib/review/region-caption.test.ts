import { describe, expect, it } from 'vitest';
import { CAPTION_CHAR_PX, CAPTION_MAX_CHARS, CAPTION_PAD_PX, regionCaption } from './region-caption.ts';

const text = 'En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha mucho tiempo que vivía un hidalgo';
/** The width in pixels that holds exactly `chars` characters. */
const px = (chars: number) => CAPTION_PAD_PX + chars * CAPTION_CHAR_PX;

describe('regionCaption', () => {
  it('a wide region: the number and the first words, at most CAPTION_MAX_CHARS of text, cut at a word with …', () => {
    const c = regionCaption('12', text, 5000);
    expect(c.startsWith('12 En un lugar de la Mancha')).toBe(true);
    expect(c.endsWith('…')).toBe(true);
    expect(c.length).toBeLessThanOrEqual('12 '.length + CAPTION_MAX_CHARS);
    expect(text.startsWith(c.slice(3, -1))).toBe(true);
  });

  it('a short text that fits is shown whole, without an ellipsis', () => {
    expect(regionCaption('3', '  Capítulo   primero ', 1000)).toBe('3 Capítulo primero');
  });

  it('the text is cut to the width in characters, at the last whole word, trailing punctuation dropped', () => {
    // room for 20 characters: "7 ", 17 of text ("En un lugar de la" ends a word) and the ellipsis
    expect(regionCaption('7', text, px(20))).toBe('7 En un lugar de la…');
    expect(regionCaption('7', text, px(19))).toBe('7 En un lugar de…');
    expect(regionCaption('7', text, px(28))).toBe('7 En un lugar de la Mancha…');
    for (let chars = 2; chars < 60; chars++) expect(regionCaption('7', text, px(chars)).length).toBeLessThanOrEqual(chars);
  });

  it('narrower: the number alone; narrower still: nothing', () => {
    expect(regionCaption('12', text, px(3))).toBe('12');
    expect(regionCaption('12', text, px(2))).toBe('12');
    expect(regionCaption('12', text, px(1))).toBe('');
    expect(regionCaption('12', text, 0)).toBe('');
    expect(regionCaption('12.3', text, px(4))).toBe('12.3');
  });

  it('a first word longer than the room is cut inside it; an empty text gives the number', () => {
    expect(regionCaption('1', 'Anticonstitucionalmente dijo', px(10))).toBe('1 Anticon…');
    expect(regionCaption('1', '   ', 1000)).toBe('1');
  });
});
