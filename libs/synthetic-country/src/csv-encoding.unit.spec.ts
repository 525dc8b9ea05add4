import { parse } from 'csv-parse/sync';
import { csvField, csvLine } from './csv-encoding';

describe('RFC 4180 encoding', () => {
  it('leaves plain fields bare, including spaces and non-ASCII letters', () => {
    expect(csvField('Jeti-Ögüz district')).toBe('Jeti-Ögüz district');
    expect(csvField(' padded ')).toBe(' padded ');
    expect(csvField('')).toBe('');
  });

  it('quotes fields with commas, quotes or line breaks, doubling inner quotes', () => {
    expect(csvField('Osh, Manas st. 1')).toBe('"Osh, Manas st. 1"');
    expect(csvField('school "Ala-Too"')).toBe('"school ""Ala-Too"""');
    expect(csvField('"')).toBe('""""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
  });

  it('ends lines with CRLF, and a conforming parser reads back exactly the fields written', () => {
    const rows = [
      ['a', 'b,c', '"quoted"', ''],
      ['Kara-Suu, Manas st. 3, school "Bilim" No. 1', 'x"y', '\r\n', ' '],
    ];
    const text = rows.map(csvLine).join('');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text, { relax_column_count: false })).toEqual(rows);
  });
});
