/**
 * Pass 1 of an import (contract §1–2): reads every row of a source and checks it, handing each
 * row to the caller as it is judged. The same loop runs in the importing thread and in the
 * validation thread (validation.worker.ts), so a file is judged the same way on both paths.
 */
import { AppError } from '../../errors.ts';
import type { EntitySpec } from '../entities/entities.ts';
import type { ImportError, NormalizedRow } from './import-types.ts';
import type { OpenPass } from './source-rows.ts';
import type { StoredFacts } from './stored-facts.ts';
import { FileValidator, MAX_KEPT_ERRORS } from './validate-file.ts';

/** What pass 1 found over the whole source. */
export interface SourceCheck {
  /** Data rows read (blank rows not counted). */
  readonly rows: number;
  /** Every error by row, at most {@link MAX_KEPT_ERRORS}; empty when the source may be written. */
  readonly errors: ImportError[];
  /** Errors found beyond those listed. */
  readonly unlisted: number;
  readonly warnings: string[];
}

export interface CheckHandlers {
  /** Total bytes of the source read so far (for progress). */
  onBytes?: (total: number) => void;
  /**
   * Called per data row with its stored values, or null when the row itself is invalid. May
   * return a promise: the next row is read once it settles (back-pressure).
   */
  onRow(record: NormalizedRow | null, rowsChecked: number): void | Promise<void>;
}

/** A row the reader cannot get past: the rest of the file is unreadable. */
function readFailure(error: unknown, lastRow: number): ImportError {
  if (error instanceof AppError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  return {
    row: lastRow + 1,
    column: '',
    value: '',
    reason: `the file cannot be read past this row: ${message}`,
  };
}

export async function checkSource(
  spec: EntitySpec,
  stored: StoredFacts,
  openPass: OpenPass,
  handlers: CheckHandlers,
): Promise<SourceCheck> {
  const pass = await openPass(handlers.onBytes);
  const validator = new FileValidator(spec, stored);
  const readErrors: ImportError[] = [...pass.errors];
  let lastRow = 1;
  try {
    for await (const row of pass.rows) {
      lastRow = row.row;
      const waiting = handlers.onRow(validator.check(row), validator.rows);
      if (waiting) await waiting;
    }
  } catch (error) {
    readErrors.push(readFailure(error, lastRow));
  }
  const errors = [...readErrors, ...validator.finish()];
  const listed = errors.slice(0, MAX_KEPT_ERRORS);
  return {
    rows: validator.rows,
    errors: listed,
    unlisted: readErrors.length + validator.errorCount - listed.length,
    warnings: [...pass.warnings, ...validator.warnings()],
  };
}
