// Reads the <par> elements of an EPUB 3 Media Overlay / aeneas SMIL file, in document order: the fragment id is
// the #fragment of <text src>, the times are <audio clipBegin/clipEnd>. SMIL holds no text, so `lines` is empty.
// Nested <seq> levels (aeneas' multi-level SMIL) come back flat, as aeneas reads them.
import { syncMapError } from './syncmap-error.ts';
import { parseClock, parseSeconds } from './syncmap-time.ts';
import type { SyncFragment, SyncMap } from './syncmap-types.ts';

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name] ?? '';
  });
}

function attributes(tagBody: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tagBody.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1] ?? '', decodeEntities(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/** SMIL clock values: `HH:MM:SS.mmm`, `MM:SS.mmm`, or seconds with an optional "s" (`12.345`, `12.345s`). */
function parseClockValue(value: string | undefined): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return parseClock(trimmed) ?? parseSeconds(trimmed.replace(/s$/, ''));
}

export function readSmil(text: string): SyncMap {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw syncMapError('smil', 1, 'the file is empty; expected a <smil> document.');
  // Blank out comments but keep their line breaks, so offsets still map to the right lines.
  const source = body.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const lineAt = (offset: number) => source.slice(0, offset).split('\n').length;
  const smil = /<smil\b/.exec(source);
  if (!smil) throw syncMapError('smil', 1, 'no <smil> element found; this is not a SMIL file.');

  const fragments: SyncFragment[] = [];
  for (const par of source.matchAll(/<par\b[^>]*>([\s\S]*?)<\/par\s*>/g)) {
    const line = lineAt(par.index);
    const inner = par[1] ?? '';
    const textTag = /<text\b([^>]*)>/.exec(inner);
    const audioTag = /<audio\b([^>]*)>/.exec(inner);
    const src = textTag ? attributes(textTag[1] ?? '').get('src') : undefined;
    const hash = src?.indexOf('#') ?? -1;
    if (src === undefined || hash < 0 || hash === src.length - 1) {
      throw syncMapError('smil', line, '<par> needs a <text src="page.xhtml#fragment-id"/> naming the fragment.');
    }
    const audio = audioTag ? attributes(audioTag[1] ?? '') : new Map<string, string>();
    const begin = parseClockValue(audio.get('clipBegin'));
    const end = parseClockValue(audio.get('clipEnd'));
    if (begin === null || end === null) {
      throw syncMapError(
        'smil',
        line,
        '<par> needs <audio clipBegin="00:00:01.234" clipEnd="00:00:02.345"/> with both times in HH:MM:SS.mmm or seconds.',
      );
    }
    if (end < begin) throw syncMapError('smil', line, `clipEnd (${end}) is before clipBegin (${begin}).`);
    fragments.push({ id: src.slice(hash + 1), begin, end, lines: [] });
  }
  return { fragments };
}
