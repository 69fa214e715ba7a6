/** Shapes shared by the import pipeline (the public ones are re-exported by import.service.ts). */
import type { EntityName } from '../entities/entities.ts';

/** One bad cell or row. `row` is the row a spreadsheet shows: the header is row 1 (contract §1). */
export interface ImportError {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportReport {
  entity: EntityName;
  source: string;
  dryRun: boolean;
  ok: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  warnings: string[];
  errors: ImportError[];
}

export interface ImportProgress {
  phase: 'reading' | 'validating' | 'writing' | 'done';
  rows: number;
  bytesRead?: number;
  totalBytes?: number;
}

/** A data row of a source, its cells keyed by canonical column name. */
export interface SourceRow {
  readonly row: number;
  readonly values: Readonly<Record<string, unknown>>;
}

/** A row once every cell is read: the values the database stores, keyed by column. */
export type NormalizedRow = Record<string, string | number | null>;
