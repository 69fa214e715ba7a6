/**
 * Pass 1 of an import (contract §1–2): reads every row of a source and checks it, handing each
 * row to the caller as it is judged. The same loop runs in the importing thread and in the
 * validation thread (validation.worker.ts), so a file is judged the same way on both paths.
 */
import { AppError } from '../../errors.ts';
import type { EntityName, EntitySpec } from '../entities/entities.ts';
import type { ImportError, NormalizedRow } from './import-types.ts';
import type { OpenPass } from './source-rows.ts';
import type { StoredFacts } from './stored-facts.ts';
import { FileValidator, MAX_KEPT_ERRORS } from './validate-file.ts';
import type { RowCheck } from './validate-row.ts';

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
  /** Which of `ids` are stored ids of `entity`, for entities in {@link StoredFacts.partial}. */
  resolve(entity: EntityName, ids: string[]): Promise<readonly string[]>;
}

/** Rows read before the ids they name in partially loaded entities are looked up at once. */
export const RESOLVE_EVERY_ROWS = 1000;

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
  // Rows read but not yet judged, while their references to partially loaded entities wait.
  const chunk: { row: number; read: RowCheck }[] = [];
  let judging = false;
  const judgeChunk = async () => {
    for (const [entity, ids] of validator.unknownIds(chunk.map((c) => c.read))) {
      validator.learn(entity, await handlers.resolve(entity, ids));
    }
    for (const { row, read } of chunk) {
      const waiting = handlers.onRow(validator.judge(row, read), validator.rows);
      if (waiting) await waiting;
    }
    chunk.length = 0;
  };
  try {
    for await (const row of pass.rows) {
      lastRow = row.row;
      if (stored.partial.size === 0) {
        const waiting = handlers.onRow(validator.check(row), validator.rows);
        if (waiting) await waiting;
        continue;
      }
      chunk.push({ row: row.row, read: validator.read(row) });
      if (chunk.length >= RESOLVE_EVERY_ROWS) {
        judging = true;
        await judgeChunk();
        judging = false;
      }
    }
  } catch (error) {
    // A failed lookup is the database's problem, not the file's.
    if (judging) throw error;
    readErrors.push(readFailure(error, lastRow));
  }
  // Rows read before the end (or before a row the reader could not get past) are still judged.
  await judgeChunk();
  const errors = [...readErrors, ...validator.finish()];
  const listed = errors.slice(0, MAX_KEPT_ERRORS);
  return {
    rows: validator.rows,
    errors: listed,
    unlisted: readErrors.length + validator.errorCount - listed.length,
    warnings: [...pass.warnings, ...validator.warnings()],
  };
}
