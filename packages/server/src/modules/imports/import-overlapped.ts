/**
 * A large CSV import with pass 1 in the validation thread (docs/import.md: overlapped
 * validation). The importing thread opens the transaction at once and writes each batch of
 * checked rows while the worker checks the next, so the database's work and the checks run on
 * two cores instead of one after the other. Atomicity is the transaction's: when the worker
 * reports any error — however late in the file — everything written is rolled back and the
 * report names every bad row, exactly as the sequential path would.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import { importTransaction } from '../../db/import-transaction.ts';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { EntitySpec } from '../entities/entities.ts';
import { beginRevision } from '../tracking/revisions.repository.ts';
import type { SourceCheck } from './check-source.ts';
import { failedReport, type ProgressReporter } from './import-progress.ts';
import type { ImportReport } from './import-types.ts';
import type { TableFile } from './read-table.ts';
import { completeIdsFor, loadStoredIdPages, resolveIds } from './stored-facts.ts';
import { startValidation, type ValidationRun, validationThreadFree } from './validation-thread.ts';
import { type BatchWriter, createBatchWriter, type WriteCounts } from './write-batches.ts';

/**
 * From this size a CSV file is checked in the validation thread. Below it, the hand-off (the
 * stored ids copied to the thread, the rows copied back) costs about what it saves (measured on
 * the bench's files, docs/performance.md).
 */
export const OVERLAP_MIN_BYTES = 256 * 1024;

/** `auto`: large CSV files; `always` / `never` are for tests and for comparing the paths. */
export type ValidationThreadUse = 'auto' | 'always' | 'never';

export function usesValidationThread(
  spec: EntitySpec,
  file: TableFile,
  options: { dryRun?: boolean; validationThread?: ValidationThreadUse },
): boolean {
  const use = options.validationThread ?? 'auto';
  if (use === 'never' || options.dryRun || file.format !== 'csv' || file.encoding === null) return false;
  // Goals check locked periods against the written rows' periods: they keep the sequential path.
  if (spec.name === 'goals' || !validationThreadFree()) return false;
  return use === 'always' || file.totalBytes >= OVERLAP_MIN_BYTES;
}

/** Thrown inside the transaction to roll it back when the worker found errors. */
class SourceInvalid extends Error {
  constructor(readonly check: SourceCheck) {
    super('the source has errors');
  }
}

export async function importOverlapped(
  db: Db,
  spec: EntitySpec,
  filePath: string,
  file: TableFile,
  options: { readonly actor: Actor; readonly completeIdsUpTo?: number },
  report: ImportReport,
  progress: ProgressReporter,
): Promise<ImportReport> {
  const { actor } = options;
  progress.report('reading', 0, true);
  const stored = await loadStoredIdPages(
    db.kysely,
    spec,
    completeIdsFor(file.totalBytes, options.completeIdsUpTo),
  );
  progress.report('validating', 0, true);
  try {
    const counts = await importTransaction(db, async (trx): Promise<WriteCounts> => {
      const rev = await beginRevision(trx, actor, spec.name);
      const writer = createBatchWriter(trx, spec, false, rev);
      const run = startValidation({
        filePath,
        encoding: file.encoding as string,
        entity: spec.name,
        storedIds: [...stored.ids],
        partial: [...stored.partial],
        hierarchy: [...stored.hierarchy],
        batchSize: writer.batchSize,
      });
      // Whatever stops the writes early, an open COPY must end before the rollback can run.
      const counts = await writeChecked(writer, run, trx, report, progress).catch(async (error: unknown) => {
        await writer.settle?.().catch(() => undefined);
        throw error;
      });
      await appendAudit(trx, actor, {
        action: 'import',
        entity: spec.name,
        detail: { source: report.source, rows: report.rows, ...counts },
      });
      return counts;
    });
    Object.assign(report, counts, { ok: true });
    progress.report('done', report.rows, true);
    return report;
  } catch (error) {
    if (!(error instanceof SourceInvalid)) throw error;
    return failedReport(report, error.check, progress);
  }
}

/** Writes the rows the validation thread sends until it is done; counts, or throws SourceInvalid. */
async function writeChecked(
  writer: BatchWriter,
  run: ValidationRun,
  trx: Transaction<Database>,
  report: ImportReport,
  progress: ProgressReporter,
): Promise<WriteCounts> {
  let check: SourceCheck | null = null;
  let written = 0;
  for await (const message of run.messages()) {
    if (message.type === 'rows') {
      await writer.write(message.rows);
      written += message.rows.length;
      run.credit();
    } else if (message.type === 'resolve') {
      // The lookup needs the connection, which an open COPY holds.
      await writer.settle?.();
      run.resolved(await resolveIds(trx, message.entity, message.ids));
    } else if (message.type === 'progress') {
      if (message.bytesRead !== undefined) progress.bytes(message.bytesRead);
      progress.report('validating', message.rows);
    } else if (message.type === 'done') {
      if (message.bytesRead !== undefined) progress.bytes(message.bytesRead);
      check = message.check;
    }
  }
  if (!check) throw new Error('the validation thread ended without a result');
  report.rows = check.rows;
  progress.report('validating', report.rows, true);
  report.warnings.push(...check.warnings);
  if (check.errors.length > 0) throw new SourceInvalid(check);
  const counts = await writer.finish();
  progress.report('writing', written, true);
  return counts;
}
