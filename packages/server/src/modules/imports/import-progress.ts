/**
 * Progress of one import as the caller sees it (CLI bar, web job): a report at the start of each
 * phase, every {@link PROGRESS_EVERY_ROWS} rows and at the end, with the bytes read when known.
 */
import type { ImportError, ImportProgress, ImportReport } from './import-types.ts';

const PROGRESS_EVERY_ROWS = 1000;

export class ProgressReporter {
  private bytesRead: number | undefined;
  constructor(
    private readonly onProgress: ((p: ImportProgress) => void) | undefined,
    private readonly totalBytes: number | undefined,
  ) {}
  bytes = (total: number) => {
    this.bytesRead = total;
  };
  report(phase: ImportProgress['phase'], rows: number, force = false): void {
    if (!this.onProgress || (!force && rows % PROGRESS_EVERY_ROWS !== 0)) return;
    const progress: ImportProgress = { phase, rows };
    if (this.bytesRead !== undefined) progress.bytesRead = this.bytesRead;
    if (this.totalBytes !== undefined) progress.totalBytes = this.totalBytes;
    this.onProgress(progress);
  }
}

/** The report of a source that failed pass 1: every listed error, and how many more there were. */
export function failedReport(
  report: ImportReport,
  check: { readonly errors: ImportError[]; readonly unlisted: number },
  progress: ProgressReporter,
): ImportReport {
  report.errors = check.errors;
  if (check.unlisted > 0) report.warnings.push(`${check.unlisted} more errors are not listed`);
  progress.report('done', report.rows, true);
  return report;
}
