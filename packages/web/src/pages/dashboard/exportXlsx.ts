import { CSRF_HEADER } from '../../api/client.ts';

export interface ExportColumn {
  readonly key: string;
  readonly title: string;
  readonly type?: 'text' | 'number' | 'money' | 'percent' | 'date';
}

/** Downloads the rows a table shows as XLSX (POST /api/v1/exports/xlsx). */
export async function exportXlsx(
  fileName: string,
  columns: readonly ExportColumn[],
  rows: readonly Record<string, unknown>[],
) {
  const response = await fetch('/api/v1/exports/xlsx', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
    body: JSON.stringify({
      fileName,
      sheetName: fileName,
      columns,
      rows: rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? null]))),
    }),
  });
  if (!response.ok) throw new Error(`export failed: HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileName}.xlsx`;
  link.click();
  URL.revokeObjectURL(url);
}
