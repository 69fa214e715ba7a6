/**
 * Header cells → canonical columns (contract §1): the snake_case name, the zh template label
 * and the registry's aliases are all accepted, trimmed and case-insensitive for ASCII.
 * Unknown columns are ignored with a warning; a missing required column or two headers for
 * the same column are errors of row 1.
 */
import type { ColumnSpec, EntitySpec } from '../entities/entities.ts';
import type { ImportError } from './import-types.ts';

export interface HeaderMapping {
  /** The canonical column of each header cell, by position; null for ignored cells. */
  readonly columns: readonly (string | null)[];
  readonly warnings: string[];
  readonly errors: ImportError[];
}

/**
 * The form in which headers are compared: Unicode-compatible (full-width letters become
 * ASCII), trimmed, ASCII lowercase, spaces and hyphens as underscores.
 * @example normalizeHeader(' Rep ID ') // 'rep_id'
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/[\s-]+/g, '_');
}

/** Every accepted spelling of a column's header. */
export function headerNamesOf(column: ColumnSpec): string[] {
  return [column.name, column.zh, ...(column.aliases ?? [])];
}

/** normalized header → canonical column name, for one entity. */
export function headerLookup(spec: EntitySpec): ReadonlyMap<string, string> {
  const lookup = new Map<string, string>();
  for (const column of spec.columns) {
    for (const name of headerNamesOf(column)) {
      const key = normalizeHeader(name);
      if (!lookup.has(key)) lookup.set(key, column.name);
    }
  }
  return lookup;
}

const describeColumn = (column: ColumnSpec) => `${column.name} (${column.zh})`;

/**
 * Maps a header row to the entity's columns.
 * @example mapHeaders(ENTITIES.orders, ['订单编号', '日期', 'Rep_ID']).columns // ['id', 'date', 'rep_id']
 */
export function mapHeaders(spec: EntitySpec, headers: readonly string[]): HeaderMapping {
  const lookup = headerLookup(spec);
  const warnings: string[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, string>();
  const columns = headers.map((header) => {
    const key = normalizeHeader(header);
    if (key === '') return null;
    const column = lookup.get(key);
    if (!column) {
      warnings.push(`column "${header.trim()}" is not a column of ${spec.name}: ignored`);
      return null;
    }
    const earlier = seen.get(column);
    if (earlier !== undefined) {
      errors.push({
        row: 1,
        column,
        value: header.trim(),
        reason: `"${earlier}" and "${header.trim()}" both name the column ${column}`,
      });
      return null;
    }
    seen.set(column, header.trim());
    return column;
  });
  for (const column of spec.columns) {
    if (column.required && !seen.has(column.name)) {
      errors.push({
        row: 1,
        column: column.name,
        value: '',
        reason: `the required column ${describeColumn(column)} is missing`,
      });
    }
  }
  return { columns, warnings, errors };
}
