import { describe, expect, it } from 'vitest';
import { PAST_END, isGutenbergEndLine, isGutenbergStartLine, readGutenbergFields, stripGutenberg } from './strip-gutenberg.ts';

const BODY = 'CAPÍTULO I\n\nEn un lugar de la Mancha, de cuyo nombre no quiero acordarme.';

function book(start: string, end: string, licence = 'Updated editions will replace the previous one.'): string {
  return [
    'The Project Gutenberg EBook of Don Quijote, by Miguel de Cervantes',
    '',
    'This eBook is for the use of anyone anywhere at no cost.',
    '',
    'Title: Don Quijote',
    '',
    'Author: Miguel de Cervantes Saavedra',
    '',
    start,
    '',
    BODY,
    '',
    end,
    '',
    licence,
  ].join('\n');
}

describe('stripGutenberg', () => {
  it.each([
    ['modern', '*** START OF THE PROJECT GUTENBERG EBOOK DON QUIJOTE ***', '*** END OF THE PROJECT GUTENBERG EBOOK DON QUIJOTE ***'],
    ['2000s', '*** START OF THIS PROJECT GUTENBERG EBOOK DON QUIJOTE ***', '*** END OF THIS PROJECT GUTENBERG EBOOK DON QUIJOTE ***'],
    ['unspaced', '***START OF THE PROJECT GUTENBERG EBOOK DON QUIJOTE***', '***END OF THE PROJECT GUTENBERG EBOOK DON QUIJOTE***'],
    ['lower case, odd spacing', '***   start of   the project   gutenberg ebook don quijote ***', '***  end  of the  project gutenberg ebook ***'],
    ['"End of the" sentence', '*** START OF THIS PROJECT GUTENBERG EBOOK DON QUIJOTE ***', 'End of the Project Gutenberg EBook of Don Quijote, by Miguel de Cervantes'],
    ['"End of Project Gutenberg"', '*** START OF THIS PROJECT GUTENBERG EBOOK ***', "End of Project Gutenberg's Don Quijote, by Miguel de Cervantes"],
    ['upper-case old end', '*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*', 'END OF PROJECT GUTENBERG ETEXT OF DON QUIJOTE'],
    ['"*END THE SMALL PRINT"', '*END THE SMALL PRINT! FOR PUBLIC DOMAIN EBOOKS*Ver.02/11/02*END*', 'End of the Project Gutenberg Etext of Don Quijote'],
    ['Spanish end', '*** START OF THE PROJECT GUTENBERG EBOOK ***', 'Fin de Project Gutenberg Don Quijote'],
  ])('removes header and footer (%s markers)', (_name, start, end) => {
    const result = stripGutenberg(book(start, end));
    expect(result.header).toBe(true);
    expect(result.footer).toBe(true);
    expect(result.text.trim()).toBe(BODY);
    expect(result.headerText).toContain('Title: Don Quijote');
  });

  it('starts after the last of chained old "small print" markers', () => {
    const text = [
      '**The Project Gutenberg Etext of Don Quijote**',
      '*SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*',
      'Why is this "Small Print!" statement here? You know: lawyers.',
      '',
      '*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*',
      '',
      BODY,
      '',
      'End of Project Gutenberg Etext of Don Quijote',
    ].join('\n');
    const result = stripGutenberg(text);
    expect(result.text.trim()).toBe(BODY);
  });

  it('ignores "*** START: FULL LICENSE ***" in the footer', () => {
    const result = stripGutenberg(
      book('*** START OF THE PROJECT GUTENBERG EBOOK ***', '*** END OF THE PROJECT GUTENBERG EBOOK ***', '*** START: FULL LICENSE ***\nTHE FULL PROJECT GUTENBERG LICENSE'),
    );
    expect(result.text.trim()).toBe(BODY);
  });

  it('leaves a text without markers alone', () => {
    const result = stripGutenberg(BODY);
    expect(result).toMatchObject({ text: BODY, header: false, footer: false, headerText: '', removed: [] });
  });

  it('keeps the text above an end marker when there is no start marker', () => {
    const result = stripGutenberg(`${BODY}\n\nEnd of the Project Gutenberg EBook of Don Quijote\n\nlicence`);
    expect(result).toMatchObject({ header: false, footer: true });
    expect(result.text.trim()).toBe(BODY);
  });

  it('drops and reports "Produced by" credits at the start and the end', () => {
    const text = [
      '*** START OF THE PROJECT GUTENBERG EBOOK DON QUIJOTE ***',
      '',
      '',
      'Produced by Chuck Greif and the Online Distributed',
      'Proofreading Team at http://www.pgdp.net',
      '',
      BODY,
      '',
      'This file was produced from images generously made available',
      'by The Internet Archive.',
      '',
      '*** END OF THE PROJECT GUTENBERG EBOOK DON QUIJOTE ***',
    ].join('\n');
    const result = stripGutenberg(text);
    expect(result.text.trim()).toBe(BODY);
    expect(result.removed).toEqual([
      {
        kind: 'credits',
        text: 'Produced by Chuck Greif and the Online Distributed Proofreading Team at http://www.pgdp.net',
        paragraph: 0,
      },
      {
        kind: 'credits',
        text: 'This file was produced from images generously made available by The Internet Archive.',
        paragraph: PAST_END,
      },
    ]);
  });

  it('does not drop a body paragraph that merely starts like a credit deep in the book', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Párrafo ${i} del libro, con su texto.`);
    paragraphs[8] = 'Preparado por el cura, el guiso estaba listo.';
    const result = stripGutenberg(paragraphs.join('\n\n'));
    expect(result.text).toContain('Preparado por el cura');
  });
});

describe('marker lines', () => {
  it.each([
    ['*** START OF THE PROJECT GUTENBERG EBOOK X ***', true, false],
    ['*** END OF THE PROJECT GUTENBERG EBOOK X ***', false, true],
    ['The Project Gutenberg eBook of Marianela', false, false],
    ['*** START: FULL LICENSE ***', false, false],
    ['Al final del libro se habla del proyecto Gutenberg.', false, false],
  ])('%s', (line, start, end) => {
    expect(isGutenbergStartLine(line)).toBe(start);
    expect(isGutenbergEndLine(line)).toBe(end);
  });
});

describe('readGutenbergFields', () => {
  it.each([
    ['Title: Novelas cortas\n       Primera serie\n\nAuthor: Pedro Antonio de Alarcón\n', { title: 'Novelas cortas Primera serie', author: 'Pedro Antonio de Alarcón' }],
    ['The Project Gutenberg EBook of Marianela, by Benito Pérez Galdós\n\nThis eBook is for the use of anyone', { title: 'Marianela', author: 'Benito Pérez Galdós' }],
    ['**The Project Gutenberg Etext of La Celestina**\n', { title: 'La Celestina' }],
    ['Nothing useful here', {}],
  ])('reads %j', (header, expected) => {
    expect(readGutenbergFields(header)).toEqual(expected);
  });
});
