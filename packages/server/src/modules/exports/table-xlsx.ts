import type ExcelJS from 'exceljs';

/** exceljs takes ~300 ms to load, so it loads on the first XLSX export, not when the server starts. */
let excelJs: Promise<typeof ExcelJS> | undefined;
const loadExcelJs = () => (excelJs ??= import('exceljs').then((module) => module.default));

export interface TableColumn {
  readonly key: string;
  readonly title: string;
  /** `money` cells (contract money strings) become numbers with a ¥ format; `percent` ratios a % format. */
  readonly type?: 'text' | 'number' | 'money' | 'percent' | 'date';
}

export type Cell = string | number | boolean | null;

const MONEY = /^-?\d+(\.\d{1,2})?$/;

function cellValue(column: TableColumn, value: Cell): ExcelJS.CellValue {
  if (value === null) return null;
  if (column.type === 'money' && typeof value === 'string' && MONEY.test(value)) return Number(value);
  return value;
}

/** An XLSX workbook of one table: bold frozen header, typed cells, sensible widths. */
export async function tableToXlsx(
  sheetName: string,
  columns: readonly TableColumn[],
  rows: readonly Record<string, Cell>[],
) {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1');
  sheet.columns = columns.map((c) => ({
    header: c.title,
    key: c.key,
    width: Math.min(40, Math.max(10, c.title.length * 2 + 2)),
    style: c.type === 'money' ? { numFmt: '#,##0.00' } : c.type === 'percent' ? { numFmt: '0.0%' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows)
    sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, cellValue(c, row[c.key] ?? null)])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
