// Hostile input (issue #10): a plain-text ebook in a charset the studio does not read (UTF-16, as Windows Notepad
// saves "Unicode"): every other byte is 0, a naive UTF-8 read gives NUL-riddled text.
export function buildUtf16Text(text = 'Capítulo uno.\n\nEn un lugar de la Mancha, de cuyo nombre no quiero acordarme…\n'): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
}
