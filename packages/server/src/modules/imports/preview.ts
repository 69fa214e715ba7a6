/**
 * What the web shows before an import: the encoding used, how each header maps to a column,
 * and the first rows as text. Reads only the start of the file.
 */
import type { EntitySpec } from '../entities/entities.ts';
import { mapHeaders } from './header-mapping.ts';
import { cellText, isBlank } from './read-cell.ts';
import { openTableFile } from './read-table.ts';

export const PREVIEW_ROWS = 20;

export interface ImportPreview {
  /** The CSV encoding used (given or detected); `utf-8` for XLSX, whose XML is UTF-8. */
  encoding: string;
  columns: { header: string; column: string | null }[];
  rows: string[][];
  /** Unknown columns, and problems of the header (a missing required column). */
  warnings: string[];
}

export async function previewFile(
  filePath: string,
  spec: EntitySpec,
  encoding?: string,
): Promise<ImportPreview> {
  const file = await openTableFile(filePath, encoding);
  const preview: ImportPreview = { encoding: file.encoding ?? 'utf-8', columns: [], rows: [], warnings: [] };
  const rows = file.rows();
  try {
    const first = await rows.next();
    if (first.done) {
      preview.warnings.push('the file is empty: expected a header row');
      return preview;
    }
    const headers = first.value.cells.map(cellText);
    const mapping = mapHeaders(spec, headers);
    preview.columns = headers.map((header, i) => ({ header, column: mapping.columns[i] ?? null }));
    preview.warnings.push(...mapping.warnings, ...mapping.errors.map((e) => e.reason));
    for await (const raw of { [Symbol.asyncIterator]: () => rows }) {
      if (raw.cells.every(isBlank)) continue;
      preview.rows.push(headers.map((_, i) => cellText(raw.cells[i])));
      if (preview.rows.length >= PREVIEW_ROWS) break;
    }
  } catch (error) {
    preview.warnings.push(
      `the file cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await rows.return(undefined);
  }
  return preview;
}
