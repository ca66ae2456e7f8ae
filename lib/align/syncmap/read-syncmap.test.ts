import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.ts';
import { aeneasFixture } from '../../testing/aeneas-fixture.ts';
import { detectSyncMapFormat, readSyncMap } from './read-syncmap.ts';
import { SYNCMAP_FORMATS, type SyncFragment, type SyncMap, type SyncMapFormat } from './syncmap-types.ts';
import { writeSyncMap } from './write-syncmap.ts';
import { catchAppError } from '../../testing/catch-app-error.ts';

const REFS = { audioRef: 'audio.mp3', textRef: 'cap01.xhtml' };

// Commas, quotes, a tab, accents, markup-like text, a multi-line fragment, a gap (3600.001 → 3601), > 1 hour.
const TRICKY: SyncMap = {
  fragments: [
    { id: 'f000001', begin: 0, end: 1.234, lines: ['Él dijo: "sí, claro", y se fue'] },
    { id: 'f000002', begin: 1.234, end: 2.5, lines: ['uno, dos,,tres\tcuatro'] },
    { id: 'f000003', begin: 2.5, end: 3600.001, lines: ['línea uno', 'línea dos — ¿ñandú?'] },
    { id: 'f000004', begin: 3601, end: 3602.999, lines: ['<b>&amp; --> "q" \'x\'</b>'] },
  ],
};

/** What a format can give back: ids where it stores them, its text model, no language / children. */
function expectedAfterRoundTrip(map: SyncMap, format: SyncMapFormat): SyncFragment[] {
  return map.fragments.map((f, i) => {
    const positional = `f${String(i + 1).padStart(6, '0')}`;
    const joined = f.lines.length === 0 ? [] : [f.lines.join(' ')];
    switch (format) {
      case 'json':
        return f;
      case 'srt':
      case 'vtt':
        return { id: positional, begin: f.begin, end: f.end, lines: f.lines };
      case 'csv':
        return { id: f.id, begin: f.begin, end: f.end, lines: joined };
      case 'aud':
      case 'textgrid':
        return { id: positional, begin: f.begin, end: f.end, lines: joined };
      case 'tsv':
      case 'smil':
        return { id: f.id, begin: f.begin, end: f.end, lines: [] };
    }
  });
}

describe('round trip write → read', () => {
  it.each(SYNCMAP_FORMATS)('%s keeps ids, times and text', (format) => {
    const written = writeSyncMap(TRICKY, format, REFS);
    const read = readSyncMap(written, format);
    expect(read.fragments).toEqual(expectedAfterRoundTrip(TRICKY, format));
    // Writing what was read gives the same bytes again.
    expect(writeSyncMap(read, format, REFS)).toBe(written);
  });

  it('json keeps language and nested children', () => {
    const map: SyncMap = {
      fragments: [
        {
          id: 'p001',
          begin: 0,
          end: 2.04,
          lines: ['Hola mundo.'],
          language: 'spa',
          children: [
            { id: 'p001w1', begin: 0, end: 0.8, lines: ['Hola'], language: 'spa' },
            { id: 'p001w2', begin: 0.8, end: 2.04, lines: ['mundo.'], language: 'spa' },
          ],
        },
      ],
    };
    expect(readSyncMap(writeSyncMap(map, 'json'), 'json')).toEqual(map);
  });

  it('times come back to the format precision (milliseconds; Audacity keeps six decimals on write)', () => {
    const map: SyncMap = { fragments: [{ id: 'f000001', begin: 1.23449, end: 2.0006, lines: ['x'] }] };
    for (const format of SYNCMAP_FORMATS) {
      const [fragment] = readSyncMap(writeSyncMap(map, format, REFS), format).fragments;
      expect(fragment?.begin, format).toBe(format === 'aud' ? 1.23449 : 1.234);
      expect(fragment?.end, format).toBe(format === 'aud' ? 2.0006 : 2.001);
    }
  });
});

describe('the real aeneas fixture (audio.aeneas.json, written by aeneas 1.7.3)', () => {
  const bytes = aeneasFixture('audio.aeneas.json');
  const text = bytes.toString('utf8');

  it('reads its 15 fragments with the times and lines in the file', () => {
    const map = readSyncMap(text, 'json');
    // Independent of our parser: the numbers as they appear in the file.
    const begins = [...text.matchAll(/"begin": "([\d.]+)"/g)].map((m) => Number(m[1]));
    const ends = [...text.matchAll(/"end": "([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(map.fragments).toHaveLength(15);
    expect(map.fragments.map((f) => f.begin)).toEqual(begins);
    expect(map.fragments.map((f) => f.end)).toEqual(ends);
    expect(map.fragments[0]).toEqual({ id: 'f000001', begin: 0, end: 2.68, lines: ['1'], language: 'eng' });
    expect(map.fragments[1]?.lines).toEqual(['From fairest creatures we desire increase,']);
    expect(map.fragments.at(-1)).toMatchObject({ id: 'f000015', end: ends.at(-1) });
    expect(map.fragments.map((f) => f.id)).toEqual(Array.from({ length: 15 }, (_, i) => `f${String(i + 1).padStart(6, '0')}`));
    // Contiguous, as aeneas writes them.
    map.fragments.slice(1).forEach((f, i) => expect(f.begin).toBe(map.fragments[i]?.end));
  });

  it('writing it again reproduces the file byte for byte', () => {
    const rewritten = writeSyncMap(readSyncMap(text, 'json'), 'json');
    expect(Buffer.from(rewritten, 'utf8').equals(bytes)).toBe(true);
  });

  it.each(SYNCMAP_FORMATS)('survives a round trip through %s', (format) => {
    const map = readSyncMap(text, 'json');
    const read = readSyncMap(writeSyncMap(map, format, REFS), format);
    expect(read.fragments).toEqual(expectedAfterRoundTrip(map, format));
  });
});

describe('readers accept what other tools write', () => {
  it('csv as aeneas writes it (quotes not doubled) and csvh clock times', () => {
    const map = readSyncMap('f000001,0.000,2.680,"He said "hi", twice"\nf000002,00:00:02.680,00:00:05.880,"Plain"\n', 'csv');
    expect(map.fragments).toEqual([
      { id: 'f000001', begin: 0, end: 2.68, lines: ['He said "hi", twice'] },
      { id: 'f000002', begin: 2.68, end: 5.88, lines: ['Plain'] },
    ]);
  });

  it('srt without cue numbers, with CRLF and a BOM; vtt with NOTE blocks, settings and cue ids', () => {
    const srt = readSyncMap('\ufeff00:00:01,000 --> 00:00:02,000\r\nUno\r\n\r\n00:00:02,000 --> 00:00:03,500\r\nDos\r\n', 'srt');
    expect(srt.fragments).toEqual([
      { id: 'f000001', begin: 1, end: 2, lines: ['Uno'] },
      { id: 'f000002', begin: 2, end: 3.5, lines: ['Dos'] },
    ]);
    const vtt = readSyncMap(
      'WEBVTT - capítulo 1\n\nNOTE hecho a mano\n\nintro\n00:01.000 --> 00:02.000 align:start\nHola &amp; adiós\n\n2\n00:00:02.000 --> 00:00:03.000\nFin\n',
      'vtt',
    );
    expect(vtt.fragments).toEqual([
      { id: 'intro', begin: 1, end: 2, lines: ['Hola & adiós'] },
      { id: 'f000002', begin: 2, end: 3, lines: ['Fin'] },
    ]);
  });

  it('smil with seconds clock values and single quotes', () => {
    const smil = `<?xml version="1.0"?>
<smil xmlns="http://www.w3.org/ns/SMIL" version="3.0"><body><seq>
<!-- <par><text src="x#ignored"/></par> -->
<par id='p1'><text src='page.xhtml#s1'/><audio src='a.mp3' clipBegin='1.5s' clipEnd='0:00:02.250'/></par>
</seq></body></smil>`;
    expect(readSyncMap(smil, 'smil').fragments).toEqual([{ id: 's1', begin: 1.5, end: 2.25, lines: [] }]);
  });

  it('Audacity labels with spectral lines and a decimal comma', () => {
    const aud = readSyncMap('0,500000\t1,000000\tuno\n\\\t100.000000\t2000.000000\n1.000000\t1.000000\t\n', 'aud');
    expect(aud.fragments).toEqual([
      { id: 'f000001', begin: 0.5, end: 1, lines: ['uno'] },
      { id: 'f000002', begin: 1, end: 1, lines: [] },
    ]);
  });

  it('TextGrid in the short format and Praat long format (spaces, a point tier before the interval tier)', () => {
    const short = 'File type = "ooTextFile"\nObject class = "TextGrid"\n\n0\n2.5\n<exists>\n1\n"IntervalTier"\n"words"\n0\n2.5\n3\n0\n1\n"uno"\n1\n1.5\n""\n1.5\n2.5\n"dice ""dos"""\n';
    expect(readSyncMap(short, 'textgrid').fragments).toEqual([
      { id: 'f000001', begin: 0, end: 1, lines: ['uno'] },
      { id: 'f000002', begin: 1.5, end: 2.5, lines: ['dice "dos"'] },
    ]);
    const long = [
      'File type = "ooTextFile"',
      'Object class = "TextGrid"',
      '',
      'xmin = 0 ',
      'xmax = 2 ',
      'tiers? <exists> ',
      'size = 2 ',
      'item []: ',
      '    item [1]:',
      '        class = "TextTier" ',
      '        name = "marks" ',
      '        xmin = 0 ',
      '        xmax = 2 ',
      '        points: size = 1 ',
      '        points [1]:',
      '            number = 0.5 ',
      '            mark = "m" ',
      '    item [2]:',
      '        class = "IntervalTier" ',
      '        name = "phrases" ',
      '        xmin = 0 ',
      '        xmax = 2 ',
      '        intervals: size = 1 ',
      '        intervals [1]:',
      '            xmin = 0 ',
      '            xmax = 2 ',
      '            text = "una frase" ',
    ].join('\n');
    expect(readSyncMap(long, 'textgrid').fragments).toEqual([{ id: 'f000001', begin: 0, end: 2, lines: ['una frase'] }]);
  });
});

describe('malformed input → INVALID_INPUT naming the line', () => {
  it.each<[string, SyncMapFormat, string, number]>([
    ['json syntax error', 'json', '{\n "fragments": [\n  {"begin": "0.000",}\n ]\n}', 3],
    ['json unclosed', 'json', '{\n "fragments": [\n', 3],
    ['json without fragments', 'json', '{\n "segments": []\n}', 1],
    [
      'json bad begin',
      'json',
      '{\n "fragments": [\n  {"begin": "0.000", "end": "1.000", "id": "f1", "lines": ["a"]},\n  {"begin": "x", "end": "2.000", "id": "f2", "lines": ["b"]}\n ]\n}',
      4,
    ],
    ['json lines not strings', 'json', '{"fragments": [\n{"begin": "0", "end": "1", "id": "f1", "lines": [1]}]}', 2],
    ['json end before begin', 'json', '{"fragments": [\n\n{"begin": "2", "end": "1", "id": "f1", "lines": []}]}', 3],
    ['smil not smil', 'smil', '<html></html>', 1],
    [
      'smil without clipEnd',
      'smil',
      '<smil>\n<body>\n<seq>\n<par id="p1"><text src="a.xhtml#f1"/><audio src="a.mp3" clipBegin="00:00:00.000" clipEnd="00:00:01.000"/></par>\n<par id="p2"><text src="a.xhtml#f2"/><audio src="a.mp3" clipBegin="00:00:01.000"/></par>\n</seq></body></smil>',
      5,
    ],
    ['smil text without #id', 'smil', '<smil>\n<par><text src="a.xhtml"/><audio clipBegin="0" clipEnd="1"/></par></smil>', 2],
    ['srt bad timing', 'srt', '1\n00:00:00,000 --> 00:00:01,000\nUno\n\n2\n00:00:01,000 -> 00:00:02,000\nDos\n', 6],
    ['srt bad time value', 'srt', '1\n00:00:00,000 --> 00:00:01,000\nUno\n\n2\n00:00:61,000 --> 00:00:62,000\nDos\n', 6],
    ['srt end before begin', 'srt', '\n\n1\n00:00:05,000 --> 00:00:01,000\nUno\n', 4],
    ['vtt without header', 'vtt', '\n1\n00:00:00.000 --> 00:00:01.000\nUno\n', 2],
    ['vtt bad timing', 'vtt', 'WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\nUno\n\nsolo texto\nsin tiempos\n', 8],
    ['csv bad time', 'csv', 'f1,0.000,1.000,"a"\nf2,abc,2.000,"b"', 2],
    ['csv too few fields', 'csv', 'f1,0.000,1.000,"a"\n\nf2;1.000;2.000', 3],
    ['tsv missing id', 'tsv', '0.000\t1.000\tf1\n1.000\t2.000\tf2\n2.000\t3.000', 3],
    ['tsv end before begin', 'tsv', '5.000\t1.000\tf1', 1],
    ['aud not a label line', 'aud', '0.000000\t1.000000\tuno\nhello\n', 2],
    ['textgrid not a TextGrid', 'textgrid', 'hello', 1],
    [
      'textgrid text where a number belongs',
      'textgrid',
      'File type = "ooTextFile"\nObject class = "TextGrid"\n\nxmin = 0\nxmax = 1\ntiers? <exists>\nsize = 1\nitem []:\n\titem [1]:\n\t\tclass = "IntervalTier"\n\t\tname = "Token"\n\t\txmin = 0\n\t\txmax = 1\n\t\tintervals: size = 1\n\t\tintervals [1]:\n\t\t\txmin = "cero"\n\t\t\txmax = 1\n\t\t\ttext = "x"',
      16,
    ],
    ['textgrid cut short', 'textgrid', 'File type = "ooTextFile"\nObject class = "TextGrid"\n\nxmin = 0\nxmax = 1\ntiers? <exists>\nsize = 1\nitem []:\n\titem [1]:\n\t\tclass = "IntervalTier"', 10],
  ])('%s', (_name, format, text, line) => {
    const error = catchAppError(() => readSyncMap(text, format));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(`line ${line}:`);
    expect(error.details).toMatchObject({ format, line });
  });

  it.each(SYNCMAP_FORMATS)('%s: empty file', (format) => {
    const error = catchAppError(() => readSyncMap(' \n\n', format));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/line 1: .*empty/);
  });
});

describe('detectSyncMapFormat', () => {
  it.each(SYNCMAP_FORMATS)('recognises what the %s writer wrote, by content alone', (format) => {
    expect(detectSyncMapFormat('syncmap', writeSyncMap(TRICKY, format, REFS))).toBe(format);
  });

  it.each<[string, string, SyncMapFormat]>([
    ['capitulo.TextGrid', 'xmin = 0', 'textgrid'],
    ['capitulo.smil', '', 'smil'],
    ['labels.txt', '0.000000\t1.000000\tuno\n', 'aud'],
    ['labels.txt', 'f1,0.000,1.000,"a"', 'csv'],
    ['map.tsv', '0.000\t1.000\tuna frase larga', 'tsv'],
    ['map.aud', '0.000\t1.000\tf000001', 'aud'],
    ['map.tab', '0.000\t1.000\tf000001', 'tsv'],
    ['map.json', '\ufeff{"fragments": []}', 'json'],
    ['subs.srt', '1\n00:00:00,000 --> 00:00:01,000\nx', 'srt'],
  ])('%s → %s', (fileName, text, format) => {
    expect(detectSyncMapFormat(fileName, text)).toBe(format);
  });

  it('unknown → INVALID_INPUT listing the known extensions', () => {
    const error = catchAppError(() => detectSyncMapFormat('notes.md', '# hola'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/\.json, \.smil, \.srt/);
  });
});
