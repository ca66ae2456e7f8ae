// EPUB 3 Media Overlay SMIL as aeneas writes it (smfsmil.py through lxml pretty_print): two-space indent,
// lxml puts the default namespace after xmlns:epub, <audio> attributes in the order src, clipBegin, clipEnd,
// clock values HH:MM:SS.mmm, trailing newline. Only the top level is written (aeneas' multi-level layout is not).
import { AppError } from '../../errors/app-error.ts';
import { formatClock } from './syncmap-time.ts';
import type { SyncMap } from './syncmap-types.ts';

/** lxml's attribute escaping. */
function attr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export function writeSmil(map: SyncMap, opts: { audioRef?: string; textRef?: string }): string {
  const { audioRef, textRef } = opts;
  if (!audioRef || !textRef) {
    throw new AppError(
      'INVALID_INPUT',
      'SMIL export needs audioRef (the audio file name in the book) and textRef (the XHTML page the fragment ids point into).',
      { format: 'smil', missing: [!audioRef && 'audioRef', !textRef && 'textRef'].filter(Boolean) },
    );
  }
  const out = [
    '<smil xmlns:epub="http://www.idpf.org/2007/ops" xmlns="http://www.w3.org/ns/SMIL" version="3.0">',
    '  <body>',
  ];
  const seq = `<seq id="seq000001" epub:textref="${attr(textRef)}"`;
  if (map.fragments.length === 0) out.push(`    ${seq}/>`);
  else {
    out.push(`    ${seq}>`);
    map.fragments.forEach((fragment, i) => {
      out.push(
        `      <par id="par${String(i + 1).padStart(6, '0')}">`,
        `        <text src="${attr(`${textRef}#${fragment.id}`)}"/>`,
        `        <audio src="${attr(audioRef)}" clipBegin="${formatClock(fragment.begin, '.')}" clipEnd="${formatClock(fragment.end, '.')}"/>`,
        '      </par>',
      );
    });
    out.push('    </seq>');
  }
  out.push('  </body>', '</smil>', '');
  return out.join('\n');
}
