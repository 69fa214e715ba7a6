/**
 * Imports one file or one stream of records into an entity (contract §1–2, §7): pass 1
 * validates everything, streaming, and keeps the checked rows while they fit a memory bound;
 * only a fully valid source reaches pass 2, which writes the kept rows — or, for a source too
 * large to keep, streams and checks it again — in batches inside ONE transaction, with one
 * audit entry. A large CSV file instead has pass 1 run in the validation thread while its
 * checked rows are written, rolled back if any row fails (import-overlapped.ts). An invalid
 * row yields a report with ok = false and nothing written; it never throws.
 */
import type { Db } from '../../db/database.ts';
import { importTransaction } from '../../db/import-transaction.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import {
  ENTITIES,
  ENTITY_NAMES,
  type EntityName,
  type EntitySpec,
  isEntityName,
} from '../entities/entities.ts';
import { cleanReason, requireReasonIfLocked } from '../goals/locks.service.ts';
import { beginRevision } from '../tracking/revisions.repository.ts';
import { checkSource } from './check-source.ts';
import { checkEncodingName } from './detect-encoding.ts';
import { importOverlapped, usesValidationThread, type ValidationThreadUse } from './import-overlapped.ts';
import { failedReport, ProgressReporter } from './import-progress.ts';
import type { ImportProgress, ImportReport, NormalizedRow } from './import-types.ts';
import { KeptRows, type MemoryBound } from './kept-rows.ts';
import { openTableFile } from './read-table.ts';
import { type OpenPass, recordPasses, tableFilePasses } from './source-rows.ts';
import { completeIdsFor, loadStoredFacts, resolveIds } from './stored-facts.ts';
import { validateRow } from './validate-row.ts';
import { type BatchWriter, createBatchWriter, type WriteCounts } from './write-batches.ts';

export type { ImportError, ImportProgress, ImportReport } from './import-types.ts';

export interface ImportOptions {
  entity: EntityName;
  actor: Actor;
  /** What the report and the audit entry call the source (a file name). */
  source: string;
  dryRun?: boolean;
  /** Why goals of a locked period are changed (docs/goals.md: locks); recorded in the audit entry. */
  reason?: string;
  onProgress?: (p: ImportProgress) => void;
  /**
   * Up to how many rows (and estimated bytes) pass 1 keeps for pass 2; a larger source is read
   * twice. Default {@link DEFAULT_MEMORY_BOUND}; tests set it to exercise both paths.
   */
  memoryBound?: MemoryBound;
  /**
   * Referenced tables with more ids than this are asked about the file's ids in chunks instead
   * of being loaded whole. Default {@link COMPLETE_IDS_UP_TO}; tests set it to exercise both.
   */
  completeIdsUpTo?: number;
  /** Whether a file's pass 1 may run in the validation thread (import-overlapped.ts). */
  validationThread?: ValidationThreadUse;
}

export function entitySpecOf(entity: string): EntitySpec {
  if (!isEntityName(entity)) {
    throw new AppError(
      'validation_failed',
      `unknown entity "${entity}" (one of: ${ENTITY_NAMES.join(', ')})`,
      'usage',
    );
  }
  return ENTITIES[entity];
}

/** Import from a file on disk (CSV or XLSX by magic bytes / extension). */
export async function importFile(
  db: Db,
  filePath: string,
  options: ImportOptions & { encoding?: string },
): Promise<ImportReport> {
  const spec = entitySpecOf(options.entity);
  const encoding = options.encoding ? checkEncodingName(options.encoding) : undefined;
  const file = await openTableFile(filePath, encoding);
  if (usesValidationThread(spec, file, options)) {
    const progress = new ProgressReporter(options.onProgress, file.totalBytes);
    return importOverlapped(db, spec, filePath, file, options, newReport(spec, options), progress);
  }
  return runImport(db, spec, tableFilePasses(file, spec), options, file.totalBytes);
}

/**
 * Import records already split into cells, keyed by canonical column names (values: string |
 * number | Date | boolean | null). `rows` is called once per pass. Used by the demo loader.
 */
export async function importRecords(
  db: Db,
  rows: () => Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
  options: ImportOptions,
): Promise<ImportReport> {
  const spec = entitySpecOf(options.entity);
  return runImport(db, spec, recordPasses(rows, spec), options, undefined);
}

function newReport(spec: EntitySpec, options: ImportOptions): ImportReport {
  return {
    entity: spec.name,
    source: options.source,
    dryRun: options.dryRun ?? false,
    ok: false,
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    warnings: [],
    errors: [],
  };
}

async function runImport(
  db: Db,
  spec: EntitySpec,
  openPass: OpenPass,
  options: ImportOptions,
  totalBytes: number | undefined,
): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const progress = new ProgressReporter(options.onProgress, totalBytes);
  const report = newReport(spec, options);
  progress.report('reading', 0, true);
  const stored = await loadStoredFacts(db.kysely, spec, completeIdsFor(totalBytes, options.completeIdsUpTo));

  // Pass 1: validate everything before writing anything (contract §1: atomic import).
  const kept = new KeptRows(options.memoryBound);
  progress.report('validating', 0, true);
  const checked = await checkSource(spec, stored, openPass, {
    onBytes: progress.bytes,
    resolve: (entity, ids) => resolveIds(db.kysely, entity, ids),
    onRow(record, rowsChecked) {
      if (record) kept.add(record);
      else kept.drop();
      progress.report('validating', rowsChecked);
    },
  });
  report.rows = checked.rows;
  progress.report('validating', report.rows, true);
  report.warnings.push(...checked.warnings);
  if (checked.errors.length > 0) return failedReport(report, checked, progress);

  // Pass 2: write the kept rows (or stream the source again) in batches, in one transaction
  // with its audit entry.
  const reason = cleanReason(options.reason);
  const records = () => kept.rows ?? checkedAgain(spec, openPass, progress);
  let counts: WriteCounts;
  try {
    counts = dryRun
      ? (await writePass(db.kysely, spec, records(), true, progress, null, reason)).counts
      : await importTransaction(db, async (trx) => {
          // Goals are read from the database, not the fact store: they need no revision.
          const rev = spec.name === 'goals' ? null : await beginRevision(trx, options.actor, spec.name);
          const { counts: written, locked } = await writePass(
            trx,
            spec,
            records(),
            false,
            progress,
            rev,
            reason,
          );
          const lockDetail = locked.length > 0 ? { lockedPeriods: locked, reason } : {};
          await appendAudit(trx, options.actor, {
            action: 'import',
            entity: spec.name,
            detail: { source: options.source, rows: report.rows, ...written, ...lockDetail },
          });
          return written;
        });
  } catch (error) {
    // A locked goal period without a reason fails the whole file, like an invalid row: the
    // transaction is rolled back and the report says why.
    if (!(error instanceof AppError) || error.field !== 'reason') throw error;
    report.errors = [{ row: 1, column: 'period', value: '', reason: error.message }];
    progress.report('done', report.rows, true);
    return report;
  }
  Object.assign(report, counts, { ok: true });
  progress.report('done', report.rows, true);
  return report;
}

/** Pass 2 of a source too large to keep: read and check every row again. */
async function* checkedAgain(
  spec: EntitySpec,
  openPass: OpenPass,
  progress: ProgressReporter,
): AsyncGenerator<NormalizedRow> {
  const pass = await openPass(progress.bytes);
  for await (const row of pass.rows) {
    const { record, errors } = validateRow(spec, row);
    if (errors.length > 0)
      throw new AppError(
        'import_invalid',
        `${spec.name}: the source changed while it was being imported (row ${row.row})`,
      );
    yield record;
  }
}

async function writePass(
  executor: Db['kysely'],
  spec: EntitySpec,
  records: readonly NormalizedRow[] | AsyncIterable<NormalizedRow>,
  dryRun: boolean,
  progress: ProgressReporter,
  rev: number | null,
  reason: string | null,
): Promise<{ counts: WriteCounts; locked: string[] }> {
  const writer = createBatchWriter(executor, spec, dryRun, rev);
  // Whatever stops the writes early, an open COPY must end before the rollback can run.
  try {
    return await writeRecords(writer, spec, records, progress, executor, reason);
  } catch (error) {
    await writer.settle?.().catch(() => undefined);
    throw error;
  }
}

async function writeRecords(
  writer: BatchWriter,
  spec: EntitySpec,
  records: readonly NormalizedRow[] | AsyncIterable<NormalizedRow>,
  progress: ProgressReporter,
  executor: Db['kysely'],
  reason: string | null,
): Promise<{ counts: WriteCounts; locked: string[] }> {
  const periods = new Set<string>();
  let rows = 0;
  progress.report('writing', 0, true);
  const write = async (batch: readonly NormalizedRow[]) => {
    if (spec.name === 'goals') for (const record of batch) periods.add(String(record.period));
    await writer.write(batch);
    rows += batch.length;
    progress.report('writing', rows);
  };
  if (Array.isArray(records)) {
    for (let i = 0; i < records.length; i += writer.batchSize) {
      await write(records.slice(i, i + writer.batchSize));
    }
  } else {
    let batch: NormalizedRow[] = [];
    for await (const record of records) {
      batch.push(record);
      if (batch.length >= writer.batchSize) {
        await write(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await write(batch);
  }
  const counts = await writer.finish();
  // Checked last, inside the transaction: a refusal rolls back everything written above.
  const locked = spec.name === 'goals' ? await requireReasonIfLocked(executor, [...periods], reason) : [];
  progress.report('writing', rows, true);
  return { counts, locked };
}
