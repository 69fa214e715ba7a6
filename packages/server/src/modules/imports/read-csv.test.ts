import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvText } from './csv-text.ts';
import { useTempDir } from './fixtures/files.ts';
import { readCsvRows } from './read-csv.ts';

async function readAll(file: string, encoding: string) {
  const rows: { row: number; cells: readonly unknown[] }[] = [];
  for await (const row of readCsvRows(file, encoding)) rows.push(row);
  return rows;
}

describe('reading CSV (RFC 4180)', () => {
  const tmp = useTempDir();

  it('reads back whatever cells were written, quotes, commas and line breaks included, in UTF-8 and GB18030', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Z', '1', ',', '"', '\n', '\r\n', ' ', '订', '单', '金', '额', '€'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('utf-8', 'gb18030'),
        async (rows, encoding) => {
          const file = path.join(tmp.dir, 'prop.csv');
          fs.writeFileSync(file, iconv.encode(csvText(rows), encoding));
          const read = await readAll(file, encoding);
          expect(read.map((r) => r.cells)).toEqual(rows);
          expect(read.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('drops the BOM and keeps blank lines as rows, so row numbers match the spreadsheet', async () => {
    const file = path.join(tmp.dir, 'bom.csv');
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\n\nP1,"a\nb"\nP2,c,extra\n')]),
    );
    expect(await readAll(file, 'utf-8')).toEqual([
      { row: 1, cells: ['id', 'name'] },
      { row: 2, cells: [''] },
      { row: 3, cells: ['P1', 'a\nb'] },
      { row: 4, cells: ['P2', 'c', 'extra'] },
    ]);
  });

  it('decodes GB18030 characters split across read chunks', async () => {
    const file = path.join(tmp.dir, 'big-gb.csv');
    const rows = [['编号', '名称'], ...Array.from({ length: 40_000 }, (_, i) => [`P${i}`, '标准版产品'])];
    fs.writeFileSync(file, iconv.encode(csvText(rows), 'gb18030'));
    const read = await readAll(file, 'gb18030');
    expect(read).toHaveLength(rows.length);
    expect(read.every((r, i) => r.cells[1] === rows[i]?.[1])).toBe(true);
  });
});
