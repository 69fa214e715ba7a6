/**
 * What the importing thread and the validation thread (validation.worker.ts) say to each other.
 * Rows travel by structured clone, a batch at a time; the worker sends at most
 * {@link MAX_BATCHES_IN_FLIGHT} batches ahead of the writes, so a large file never piles up in
 * memory when the database is slower than the checks.
 */
import type { EntityName } from '../entities/entities.ts';
import type { SourceCheck } from './check-source.ts';
import type { IdPages } from './id-pages.ts';
import type { NormalizedRow } from './import-types.ts';

export const MAX_BATCHES_IN_FLIGHT = 4;

/**
 * Rows of the first batch: the writes start as soon as these are checked, instead of after a
 * whole batch (the pipeline fills sooner); later batches are the writer's size.
 */
export const FIRST_BATCH_ROWS = 100;

export interface ValidationJob {
  readonly filePath: string;
  /** The CSV encoding, given or detected by the importing thread. */
  readonly encoding: string;
  readonly entity: EntityName;
  /**
   * {@link StoredFacts}' ids, each entity's as the database's JSON pages (id-pages.ts): copying a
   * string to the thread is a memory copy, while an array of 20,000 ids is cloned item by item on
   * the importing thread, which is the one that writes (measured: ~10 ms per such file,
   * docs/performance.md); and the importing thread does not parse them.
   */
  readonly storedIds: readonly (readonly [EntityName, IdPages])[];
  /** {@link StoredFacts.partial}: their references are looked up by the importing thread. */
  readonly partial: readonly EntityName[];
  readonly hierarchy: readonly (readonly [string, string | null])[];
  readonly batchSize: number;
}

export type ToValidationThread =
  | { readonly type: 'job'; readonly job: ValidationJob }
  /** One batch was written: the worker may send one more. */
  | { readonly type: 'credit' }
  /** The answer to the worker's `resolve`: which of the ids are stored. */
  | { readonly type: 'resolved'; readonly found: readonly string[] };

export interface ThrownError {
  readonly name: string;
  readonly message: string;
  /** Set for an AppError, rebuilt as one by the importing thread. */
  readonly code?: string;
  readonly field?: string;
}

export type FromValidationThread =
  /** Sent once, when the worker has loaded its modules. */
  | { readonly type: 'ready' }
  /** Valid rows in file order; none are sent once any row failed (the file will not be written). */
  | { readonly type: 'rows'; readonly rows: NormalizedRow[] }
  | { readonly type: 'progress'; readonly rows: number; readonly bytesRead: number | undefined }
  /** Which of these ids of a partially loaded entity are stored? (one question at a time) */
  | { readonly type: 'resolve'; readonly entity: EntityName; readonly ids: string[] }
  | { readonly type: 'done'; readonly check: SourceCheck; readonly bytesRead: number | undefined }
  | { readonly type: 'failed'; readonly error: ThrownError };
