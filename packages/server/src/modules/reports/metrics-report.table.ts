import type ExcelJS from 'exceljs';
import type { MetricsReport } from './metrics-report.service.ts';

/** exceljs takes ~300 ms to load, so it loads on the first XLSX report, not when the server starts. */
let excelJs: Promise<typeof ExcelJS> | undefined;
const loadExcelJs = () => (excelJs ??= import('exceljs').then((module) => module.default));

/**
 * The report flattened to a table: scope, kind, then for every metric key its value and, when
 * any row has a goal for it, the goal, attainment and pacing columns.
 */
export function metricsReportTable(report: MetricsReport): {
  header: string[];
  rows: (string | number | null)[][];
} {
  const keys = [...new Set(report.rows.flatMap((r) => Object.keys(r.metrics)))];
  const withGoal = new Set(report.rows.flatMap((r) => Object.keys(r.goals)));
  const header = ['scope', 'kind'];
  for (const key of keys) {
    header.push(key);
    if (withGoal.has(key)) header.push(`${key}:goal`, `${key}:attainment`, `${key}:pacing`);
  }
  const rows = report.rows.map((row) => {
    const cells: (string | number | null)[] = [row.scope, row.kind];
    for (const key of keys) {
      cells.push(row.metrics[key] ?? null);
      if (withGoal.has(key))
        cells.push(row.goals[key] ?? null, row.attainment[key] ?? null, row.pacing[key] ?? null);
    }
    return cells;
  });
  return { header, rows };
}

const csvCell = (value: string | number | null) => {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function metricsReportCsv(report: MetricsReport): string {
  const { header, rows } = metricsReportTable(report);
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export async function metricsReportXlsx(report: MetricsReport): Promise<Buffer> {
  const { header, rows } = metricsReportTable(report);
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(`metrics ${report.period}`.slice(0, 31));
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) {
    // Money strings become numbers with two decimals so Excel can sum them.
    sheet.addRow(
      row.map((cell) => (typeof cell === 'string' && /^-?\d+\.\d{2}$/.test(cell) ? Number(cell) : cell)),
    );
  }
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
