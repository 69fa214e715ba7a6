/**
 * The two kinds of import source, as passes of canonical rows: a table file (header mapped by
 * header-mapping.ts) and records from code (the demo loader), already keyed by column name.
 * Each call opens a fresh pass, because the import reads its source twice (contract §1).
 */
import type { EntitySpec } from '../entities/entities.ts';
import { mapHeaders } from './header-mapping.ts';
import type { ImportError, SourceRow } from './import-types.ts';
import { cellText, isBlank } from './read-cell.ts';
import type { TableFile } from './read-table.ts';

export interface SourcePass {
  readonly rows: AsyncIterable<SourceRow>;
  /** Filled while the rows are read (unknown record keys) or at once (unknown headers). */
  readonly warnings: string[];
  /** Whole-source problems found before any row (header errors). */
  readonly errors: ImportError[];
}

export type OpenPass = (onBytes?: (total: number) => void) => Promise<SourcePass>;

const noRows: AsyncIterable<SourceRow> = { [Symbol.asyncIterator]: async function* () {} };

/** Passes over a table file: row 1 is the header, blank rows are skipped (their numbers kept). */
export function tableFilePasses(file: TableFile, spec: EntitySpec): OpenPass {
  return async (onBytes) => {
    const iterator = file.rows(onBytes);
    const first = await iterator.next();
    if (first.done) {
      return {
        rows: noRows,
        warnings: [],
        errors: [{ row: 1, column: '', value: '', reason: 'the file is empty: expected a header row' }],
      };
    }
    const header = first.value;
    const mapping = mapHeaders(spec, header.cells.map(cellText));
    if (mapping.errors.length > 0) {
      await iterator.return(undefined);
      return {
        rows: noRows,
        warnings: mapping.warnings,
        errors: mapping.errors.map((e) => ({ ...e, row: header.row })),
      };
    }
    const columns = mapping.columns;
    async function* rows(): AsyncGenerator<SourceRow> {
      for await (const raw of { [Symbol.asyncIterator]: () => iterator }) {
        if (raw.cells.every(isBlank)) continue;
        const values: Record<string, unknown> = {};
        const { cells } = raw;
        for (let i = 0; i < columns.length; i++) {
          const column = columns[i];
          if (column) values[column] = cells[i] ?? null;
        }
        yield { row: raw.row, values };
      }
    }
    return { rows: rows(), warnings: mapping.warnings, errors: [] };
  };
}

/** Passes over records keyed by canonical column names; record i is row i + 2, as if under a header. */
export function recordPasses(
  records: () => Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
  spec: EntitySpec,
): OpenPass {
  const known = new Set(spec.columns.map((c) => c.name));
  return async () => {
    const warnings: string[] = [];
    const warned = new Set<string>();
    async function* rows(): AsyncGenerator<SourceRow> {
      let row = 1;
      for await (const values of records()) {
        row += 1;
        for (const key of Object.keys(values)) {
          if (known.has(key) || warned.has(key)) continue;
          warned.add(key);
          warnings.push(`column "${key}" is not a column of ${spec.name}: ignored`);
        }
        yield { row, values };
      }
    }
    return { rows: rows(), warnings, errors: [] };
  };
}
