// What a waveform region says on itself: its number ("12", or "12.3" for a sentence) and the first words of its
// text, cut to the region's width in pixels (at a whole word, with "…"), the number alone when only that fits,
// nothing when even that does not. Widths are estimated from an average character width: the label's CSS also
// clips, so an estimate a little off only loses a letter.

/** Average width of a character of the label's 11 px sans-serif font, in pixels. */
export const CAPTION_CHAR_PX = 6.2;
/** Room the label leaves inside the region: its left and right padding and the grab areas of the two edges. */
export const CAPTION_PAD_PX = 16;
/** At most this many characters of text, however wide the region ("first words", not the paragraph). */
export const CAPTION_MAX_CHARS = 48;

export function regionCaption(num: string, text: string, widthPx: number, charPx = CAPTION_CHAR_PX): string {
  const room = Math.floor((widthPx - CAPTION_PAD_PX) / charPx + 1e-9);
  if (room < num.length) return '';
  const words = text.replace(/\s+/g, ' ').trim();
  // room for the text after "num ": all of it, or whole words and an ellipsis
  const textRoom = Math.min(room - num.length - 1, CAPTION_MAX_CHARS);
  if (textRoom <= 1 || words === '') return num;
  if (words.length <= textRoom) return `${num} ${words}`;
  const cut = words.slice(0, textRoom - 1);
  const lastSpace = words[cut.length] === ' ' ? cut.length : cut.lastIndexOf(' ');
  // a first word longer than the room is cut inside the word; else at the last whole word
  const head = (lastSpace > 0 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.—-]+$/u, '');
  return head === '' ? num : `${num} ${head}…`;
}
