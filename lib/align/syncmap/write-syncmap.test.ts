import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.ts';
import type { SyncMap } from './syncmap-types.ts';
import { writeSyncMap } from './write-syncmap.ts';
import { catchAppError } from '../../testing/catch-app-error.ts';

// Small map: quotes and a comma, accents, a two-line fragment, a gap (3.25 → 4) and a time past one hour.
const MAP: SyncMap = {
  fragments: [
    { id: 'f000001', begin: 0, end: 1.5, lines: ['Hola, "mundo"'] },
    { id: 'f000002', begin: 1.5, end: 3.25, lines: ['Año nuevo', 'segunda línea'] },
    { id: 'f000003', begin: 4, end: 3725.1, lines: ['Fin.'] },
  ],
};

describe('writeSyncMap exact bytes', () => {
  it('json: Python json.dumps(indent=1, sort_keys=True), ASCII escapes, no final newline', () => {
    // Checked against python3: json.dumps({"fragments": [...]}, indent=1, sort_keys=True)
    expect(writeSyncMap(MAP, 'json', { language: 'spa' })).toBe(
      [
        '{',
        ' "fragments": [',
        '  {',
        '   "begin": "0.000",',
        '   "children": [],',
        '   "end": "1.500",',
        '   "id": "f000001",',
        '   "language": "spa",',
        '   "lines": [',
        '    "Hola, \\"mundo\\""',
        '   ]',
        '  },',
        '  {',
        '   "begin": "1.500",',
        '   "children": [],',
        '   "end": "3.250",',
        '   "id": "f000002",',
        '   "language": "spa",',
        '   "lines": [',
        '    "A\\u00f1o nuevo",',
        '    "segunda l\\u00ednea"',
        '   ]',
        '  },',
        '  {',
        '   "begin": "4.000",',
        '   "children": [],',
        '   "end": "3725.100",',
        '   "id": "f000003",',
        '   "language": "spa",',
        '   "lines": [',
        '    "Fin."',
        '   ]',
        '  }',
        ' ]',
        '}',
      ].join('\n'),
    );
  });

  it('json: null language when none is known, nested children, empty map', () => {
    const nested: SyncMap = {
      fragments: [
        {
          id: 'p1',
          begin: 0,
          end: 2,
          lines: ['a b'],
          language: 'eng',
          children: [{ id: 'p1w1', begin: 0, end: 1, lines: ['a'] }],
        },
        { id: 'p2', begin: 2, end: 3, lines: [] },
      ],
    };
    const json = writeSyncMap(nested, 'json');
    expect(json).toContain('"children": [\n    {\n     "begin": "0.000",\n     "children": [],');
    expect(JSON.parse(json)).toEqual({
      fragments: [
        {
          begin: '0.000',
          children: [{ begin: '0.000', children: [], end: '1.000', id: 'p1w1', language: 'eng', lines: ['a'] }],
          end: '2.000',
          id: 'p1',
          language: 'eng',
          lines: ['a b'],
        },
        { begin: '2.000', children: [], end: '3.000', id: 'p2', language: null, lines: [] },
      ],
    });
    expect(writeSyncMap({ fragments: [] }, 'json')).toBe('{\n "fragments": []\n}');
  });

  it('json: times rounded like Python "%.3f" (exact ties to even)', () => {
    const map: SyncMap = { fragments: [{ id: 'f1', begin: 0.0625, end: 0.1875, lines: ['x'] }] };
    const json = writeSyncMap(map, 'json');
    expect(json).toContain('"begin": "0.062"');
    expect(json).toContain('"end": "0.188"');
  });

  it('smil: aeneas/lxml layout', () => {
    expect(writeSyncMap(MAP, 'smil', { audioRef: 'audio.mp3', textRef: 'cap01.xhtml' })).toBe(
      [
        '<smil xmlns:epub="http://www.idpf.org/2007/ops" xmlns="http://www.w3.org/ns/SMIL" version="3.0">',
        '  <body>',
        '    <seq id="seq000001" epub:textref="cap01.xhtml">',
        '      <par id="par000001">',
        '        <text src="cap01.xhtml#f000001"/>',
        '        <audio src="audio.mp3" clipBegin="00:00:00.000" clipEnd="00:00:01.500"/>',
        '      </par>',
        '      <par id="par000002">',
        '        <text src="cap01.xhtml#f000002"/>',
        '        <audio src="audio.mp3" clipBegin="00:00:01.500" clipEnd="00:00:03.250"/>',
        '      </par>',
        '      <par id="par000003">',
        '        <text src="cap01.xhtml#f000003"/>',
        '        <audio src="audio.mp3" clipBegin="00:00:04.000" clipEnd="01:02:05.100"/>',
        '      </par>',
        '    </seq>',
        '  </body>',
        '</smil>',
        '',
      ].join('\n'),
    );
  });

  it('smil: escapes attribute values', () => {
    const smil = writeSyncMap({ fragments: [{ id: 'f1', begin: 0, end: 1, lines: [] }] }, 'smil', {
      audioRef: 'a&b "1".mp3',
      textRef: 'c<1>.xhtml',
    });
    expect(smil).toContain('epub:textref="c&lt;1&gt;.xhtml"');
    expect(smil).toContain('<text src="c&lt;1&gt;.xhtml#f1"/>');
    expect(smil).toContain('<audio src="a&amp;b &quot;1&quot;.mp3"');
  });

  it('srt', () => {
    expect(writeSyncMap(MAP, 'srt')).toBe(
      '1\n00:00:00,000 --> 00:00:01,500\nHola, "mundo"\n\n' +
        '2\n00:00:01,500 --> 00:00:03,250\nAño nuevo\nsegunda línea\n\n' +
        '3\n00:00:04,000 --> 01:02:05,100\nFin.\n\n',
    );
  });

  it('vtt', () => {
    expect(writeSyncMap(MAP, 'vtt')).toBe(
      'WEBVTT\n\n' +
        '1\n00:00:00.000 --> 00:00:01.500\nHola, "mundo"\n\n' +
        '2\n00:00:01.500 --> 00:00:03.250\nAño nuevo\nsegunda línea\n\n' +
        '3\n00:00:04.000 --> 01:02:05.100\nFin.\n\n',
    );
  });

  it('vtt: escapes &, < and > in cue text; subtitle formats drop blank lines inside a cue', () => {
    const map: SyncMap = { fragments: [{ id: 'f1', begin: 0, end: 1, lines: ['a <b> & c --> d', '', 'e\nf'] }] };
    expect(writeSyncMap(map, 'vtt')).toBe('WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\na &lt;b&gt; &amp; c --&gt; d\ne\nf\n\n');
    expect(writeSyncMap(map, 'srt')).toBe('1\n00:00:00,000 --> 00:00:01,000\na <b> & c --> d\ne\nf\n\n');
  });

  it('csv: id,begin,end,"text" with doubled quotes and lines joined by a space', () => {
    expect(writeSyncMap(MAP, 'csv')).toBe(
      'f000001,0.000,1.500,"Hola, ""mundo"""\n' + 'f000002,1.500,3.250,"Año nuevo segunda línea"\n' + 'f000003,4.000,3725.100,"Fin."',
    );
  });

  it('tsv: begin, end, id', () => {
    expect(writeSyncMap(MAP, 'tsv')).toBe('0.000\t1.500\tf000001\n1.500\t3.250\tf000002\n4.000\t3725.100\tf000003');
  });

  it('aud: Audacity labels with six decimals', () => {
    expect(writeSyncMap(MAP, 'aud')).toBe(
      '0.000000\t1.500000\tHola, "mundo"\n' + '1.500000\t3.250000\tAño nuevo segunda línea\n' + '4.000000\t3725.100000\tFin.\n',
    );
  });

  it('textgrid: long format, one "Token" tier from 0, gaps as empty intervals', () => {
    expect(writeSyncMap(MAP, 'textgrid')).toBe(
      [
        'File type = "ooTextFile"',
        'Object class = "TextGrid"',
        '',
        'xmin = 0.0',
        'xmax = 3725.1',
        'tiers? <exists>',
        'size = 1',
        'item []:',
        '\titem [1]:',
        '\t\tclass = "IntervalTier"',
        '\t\tname = "Token"',
        '\t\txmin = 0.0',
        '\t\txmax = 3725.1',
        '\t\tintervals: size = 4',
        '\t\tintervals [1]:',
        '\t\t\txmin = 0.0',
        '\t\t\txmax = 1.5',
        '\t\t\ttext = "Hola, ""mundo"""',
        '\t\tintervals [2]:',
        '\t\t\txmin = 1.5',
        '\t\t\txmax = 3.25',
        '\t\t\ttext = "Año nuevo segunda línea"',
        '\t\tintervals [3]:',
        '\t\t\txmin = 3.25',
        '\t\t\txmax = 4.0',
        '\t\t\ttext = ""',
        '\t\tintervals [4]:',
        '\t\t\txmin = 4.0',
        '\t\t\txmax = 3725.1',
        '\t\t\ttext = "Fin."',
      ].join('\n'),
    );
  });

  it('textgrid: a first fragment after 0 gets a leading empty interval', () => {
    const grid = writeSyncMap({ fragments: [{ id: 'f1', begin: 0.5, end: 1, lines: ['x'] }] }, 'textgrid');
    expect(grid).toContain('intervals: size = 2\n\t\tintervals [1]:\n\t\t\txmin = 0.0\n\t\t\txmax = 0.5\n\t\t\ttext = ""');
  });
});

describe('writeSyncMap errors', () => {
  it('SMIL without audioRef / textRef', () => {
    const error = catchAppError(() => writeSyncMap(MAP, 'smil', { audioRef: 'a.mp3' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/textRef/);
    expect(error.details).toMatchObject({ missing: ['textRef'] });
  });

  it.each([
    ['NaN begin', Number.NaN, 1],
    ['negative begin', -1, 1],
    ['end before begin', 2, 1],
  ])('invalid times: %s', (_name, begin, end) => {
    const error = catchAppError(() => writeSyncMap({ fragments: [{ id: 'bad', begin, end, lines: ['x'] }] }, 'srt'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/Fragment bad has invalid times/);
  });

  it('overlapping fragments cannot be written as TextGrid', () => {
    const overlapping: SyncMap = {
      fragments: [
        { id: 'a', begin: 0, end: 2, lines: ['x'] },
        { id: 'b', begin: 1, end: 3, lines: ['y'] },
      ],
    };
    const error = catchAppError(() => writeSyncMap(overlapping, 'textgrid'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/Fragment b starts before fragment a ends/);
    expect(writeSyncMap(overlapping, 'srt')).toContain('00:00:01,000 --> 00:00:03,000');
  });

  it('ids that would break the columns of CSV / TSV', () => {
    const map = (id: string): SyncMap => ({ fragments: [{ id, begin: 0, end: 1, lines: ['x'] }] });
    expect(catchAppError(() => writeSyncMap(map('a,b'), 'csv')).message).toMatch(/cannot be written to CSV/);
    expect(catchAppError(() => writeSyncMap(map('a\tb'), 'tsv')).message).toMatch(/cannot be written to TSV/);
  });
});
