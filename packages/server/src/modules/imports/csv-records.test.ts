import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, splitCsv } from './csv-records.ts';

/** What the import read CSV with before: csv-parse, with the import's options. */
const csvParse = (text: string): string[][] | 'error' => {
  try {
    return parse(text, { relax_column_count: true, bom: true, skip_empty_lines: false });
  } catch {
    return 'error';
  }
};
const split = (text: string): string[][] | 'error' => {
  try {
    return splitCsv(text);
  } catch {
    return 'error';
  }
};

/** The text in chunks cut at the given places, as a file stream delivers it. */
function splitInChunks(text: string, cuts: number[]): string[][] {
  const splitter = new CsvRecordSplitter();
  const out: string[][] = [];
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (text.length + 1))].sort((a, b) => a - b)) {
    splitter.push(text.slice(from, cut), out);
    from = cut;
  }
  splitter.push(text.slice(from), out);
  splitter.end(out);
  return out;
}

describe('splitting CSV records (RFC 4180)', () => {
  it('reads text of one line-end style as csv-parse does, errors included, in any chunks', () => {
    const unit = fc.constantFrom('a', 'Z', '1', ' ', '订', ',', '"', '""', '\n', '\r\n', '\r');
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 40 }).map((parts) => parts.join('')),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 4 }),
        (raw, lineEnd, cuts) => {
          // csv-parse keeps to the first line-end style it meets; the splitter takes any.
          // Compare on text whose unquoted line ends are all of one style.
          const text = raw.replace(/\r\n|\r|\n/g, lineEnd);
          const expected = csvParse(text);
          expect(split(text)).toEqual(expected);
          if (expected !== 'error') expect(splitInChunks(text, cuts)).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps blank lines as one empty cell, drops a BOM, takes CRLF split across chunks as one line end', () => {
    expect(splitCsv('\ufeffid,name\n\nP1,"a\nb"\nP2,c,extra')).toEqual([
      ['id', 'name'],
      [''],
      ['P1', 'a\nb'],
      ['P2', 'c', 'extra'],
    ]);
    expect(splitInChunks('a,b\r\nc,d\r\n', [4])).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(splitCsv('a\rb\nc\r\nd')).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(splitCsv('a,')).toEqual([['a', '']]);
    expect(splitCsv('')).toEqual([]);
  });

  it('names the record of a quote error', () => {
    expect(() => splitCsv('id\nP1\n"P2')).toThrow(/Quote Not Closed.*record 3/);
    expect(() => splitCsv('id\nP"1\n')).toThrow(/Invalid Opening Quote.*record 2/);
    expect(() => splitCsv('"id"x\n')).toThrow(/Invalid Closing Quote.*record 1/);
  });
});
