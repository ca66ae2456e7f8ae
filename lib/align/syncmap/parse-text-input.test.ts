import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.ts';
import { aeneasFixture } from '../../testing/aeneas-fixture.ts';
import { parseTextInput, type TextInputType } from './parse-text-input.ts';
import { readSyncMap } from './read-syncmap.ts';
import { catchAppError } from '../../testing/catch-app-error.ts';

describe('parseTextInput on the aeneas fixture', () => {
  it('plain.txt: 15 fragments, the same ids and lines as aeneas gave them in audio.aeneas.json', () => {
    const fragments = parseTextInput(aeneasFixture('plain.txt').toString('utf8'), 'plain');
    const aeneas = readSyncMap(aeneasFixture('audio.aeneas.json').toString('utf8'), 'json');
    expect(fragments).toHaveLength(15);
    expect(fragments).toEqual(aeneas.fragments.map((f) => ({ id: f.id, lines: f.lines })));
    expect(fragments[0]).toEqual({ id: 'f000001', lines: ['1'] });
    expect(fragments[14]).toEqual({ id: 'f000015', lines: ["To eat the world's due, by the grave and thee."] });
  });

  it('capitan-veneno.es.parsed.txt: 32 fragments with their ids and Spanish text', () => {
    const text = aeneasFixture('capitan-veneno.es.parsed.txt').toString('utf8');
    const fragments = parseTextInput(text, 'parsed');
    expect(fragments).toHaveLength(32);
    expect(fragments.map((f) => f.id)).toEqual(Array.from({ length: 32 }, (_, i) => `f${String(i + 1).padStart(6, '0')}`));
    expect(fragments[0]).toEqual({ id: 'f000001', lines: ['Al Señor D. Manuel Tamayo y Baus,'] });
    expect(fragments[6]).toEqual({ id: 'f000007', lines: ['hube de referirte la historia de El Capitán Veneno,'] });
    expect(fragments[31]).toEqual({ id: 'f000032', lines: ['20 de Septiembre de 1881.'] });
    // Every line of the file is one fragment, in order.
    const fileLines = text.split('\n').filter((l) => l.trim() !== '');
    expect(fragments.map((f) => `${f.id}|${f.lines[0]}`)).toEqual(fileLines.map((l) => l.trim()));
  });
});

describe('parseTextInput', () => {
  it('plain: BOM, CRLF, blank lines skipped and trimmed; ids count non-empty lines', () => {
    expect(parseTextInput('\ufeffUno\r\n\r\n  Dos  \r\nTres', 'plain')).toEqual([
      { id: 'f000001', lines: ['Uno'] },
      { id: 'f000002', lines: ['Dos'] },
      { id: 'f000003', lines: ['Tres'] },
    ]);
  });

  it('parsed: id before the first "|", text may contain "|"; custom ids kept', () => {
    expect(parseTextInput('p001|Hola | adiós\r\n\r\n p002 | Fin ', 'parsed')).toEqual([
      { id: 'p001', lines: ['Hola | adiós'] },
      { id: 'p002', lines: ['Fin'] },
    ]);
  });

  it('subtitles: blank-line separated blocks, old Mac CR line ends', () => {
    expect(parseTextInput('\n\nUno\ny dos\n\n\n\nTres\r\rCuatro\rcinco\n', 'subtitles')).toEqual([
      { id: 'f000001', lines: ['Uno', 'y dos'] },
      { id: 'f000002', lines: ['Tres'] },
      { id: 'f000003', lines: ['Cuatro', 'cinco'] },
    ]);
  });

  it.each<[string, TextInputType, string, RegExp]>([
    ['no "|"', 'parsed', 'f1|uno\nf2 dos', /line 2: expected "id\|text"/],
    ['empty id', 'parsed', '\n|uno', /line 2: the id before "\|" is empty/],
    ['empty text', 'parsed', 'f1|', /line 1: fragment "f1" has no text/],
    ['duplicate id', 'parsed', 'f1|uno\nf2|dos\nf1|tres', /line 3: the id "f1" is already used on line 1/],
  ])('parsed, %s → INVALID_INPUT with the line', (_name, type, text, message) => {
    const error = catchAppError(() => parseTextInput(text, type));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(message);
  });

  it.each<TextInputType>(['plain', 'parsed', 'subtitles'])('%s: empty text → INVALID_INPUT', (type) => {
    for (const text of ['', '\ufeff', '\r\n  \n\t\n']) {
      const error = catchAppError(() => parseTextInput(text, type));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/no fragments/);
    }
  });
});
