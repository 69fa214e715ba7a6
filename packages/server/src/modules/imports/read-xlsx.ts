/**
 * Streams the rows of an XLSX file's first sheet (contract §1) with exceljs's streaming
 * reader, so large workbooks are not loaded whole. Cells keep their types: numbers, booleans
 * and Date for date-formatted cells (which needs the styles, hence `styles: 'cache'`).
 */
import fs from 'node:fs';
import type ExcelJS from 'exceljs';
import { countBytes, type RawRow } from './read-csv.ts';

/** exceljs takes ~300 ms to load, so it loads on the first XLSX import, not when the server starts. */
let excelJs: Promise<typeof ExcelJS> | undefined;
const loadExcelJs = () => (excelJs ??= import('exceljs').then((module) => module.default));

/** A cell as the import reads it: exceljs's rich text, formulas and links reduced to their value. */
export function plainCellValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  const cell = value as Record<string, unknown>;
  if (Array.isArray(cell.richText))
    return cell.richText.map((part: { text?: string }) => part.text ?? '').join('');
  if ('result' in cell) return plainCellValue(cell.result);
  if ('formula' in cell || 'sharedFormula' in cell) return null;
  if (typeof cell.text === 'string') return cell.text;
  if ('error' in cell) return String(cell.error);
  return String(value);
}

/** Rows of the first sheet, numbered as Excel numbers them. */
export async function* readXlsxRows(
  filePath: string,
  onBytes?: (total: number) => void,
): AsyncGenerator<RawRow> {
  const { stream } = await loadExcelJs();
  const input = fs.createReadStream(filePath).pipe(countBytes(onBytes));
  const workbook = new stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // exceljs 4.4 parses a worksheet as soon as the shared strings and workbook rels are read,
  // but then reads `model.sheets`, which exists only once xl/workbook.xml was read — and zip
  // entry order varies (exceljs's own writer does not fix it). An empty model until then
  // keeps the reader from crashing; xl/workbook.xml replaces it when it comes.
  const reader = workbook as unknown as { model?: { sheets: unknown[] } };
  reader.model ??= { sheets: [] };
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) =>
          plainCellValue(values[i + 1]),
        );
        yield { row: row.number, cells };
      }
      return;
    }
  } finally {
    input.destroy();
  }
}
