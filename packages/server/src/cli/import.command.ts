import fs from 'node:fs';
import type { Command } from 'commander';
import { openDatabase } from '../db/database.ts';
import { SYSTEM_ACTOR } from '../modules/auth/actor.ts';
import { checkEncodingName } from '../modules/imports/detect-encoding.ts';
import {
  entitySpecOf,
  type ImportProgress,
  type ImportReport,
  importFile,
} from '../modules/imports/import.service.ts';
import { OVERLAP_MIN_BYTES } from '../modules/imports/import-overlapped.ts';
import { prestartValidationThread } from '../modules/imports/validation-thread.ts';
import { databaseOf, EXIT } from './program.ts';
import { terminalProgressBar } from './progress-bar.ts';

interface ImportCommandOptions {
  encoding?: string;
  dryRun?: boolean;
  json?: boolean;
  reason?: string;
}

/** `FILE:row ROW, column COL: reason (value "…")` — one line per bad row (contract §7: name file, row, column). */
export function formatImportErrors(file: string, report: ImportReport): string[] {
  return report.errors.map((e) => {
    const column = e.column ? `, column ${e.column}` : '';
    return `${file}:row ${e.row}${column}: ${e.reason}${e.value === '' ? '' : ` (value "${e.value}")`}`;
  });
}

/** The human summary of a successful import. */
export function formatImportSummary(file: string, report: ImportReport): string {
  const counts = `${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged`;
  const dry = report.dryRun ? ' (dry run: nothing written)' : '';
  return `${file}: ${report.rows} ${report.entity} rows — ${counts}${dry}`;
}

/** The file's size, or 0 when it cannot be read (the import then says why). */
const fileSize = (file: string) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

/** The import's progress: bytes of the file read, per pass. */
function progressBar(): { update(p: ImportProgress): void; stop(): void } {
  const bar = terminalProgressBar('{phase} |{bar}| {percentage}% | {rows} rows');
  return {
    update(p) {
      const total = p.totalBytes ?? 1;
      bar.update(p.phase === 'done' ? total : (p.bytesRead ?? 0), total, {
        phase: p.phase.padEnd(10),
        rows: p.rows,
      });
    },
    stop: () => bar.stop(),
  };
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import one CSV or XLSX file into an entity; writes nothing if any row is invalid')
    .argument(
      '<entity>',
      'units, people, unit_moves, products, customers, orders, order_credits, payments, activities, leads, opportunities, surveys, complaints or goals',
    )
    .argument('<file>', 'the CSV (UTF-8 or GB18030) or XLSX file')
    .option('--encoding <encoding>', 'CSV encoding, instead of detecting it (utf-8, gb18030, gbk…)')
    .option('--dry-run', 'validate and count, write nothing')
    .option('--reason <text>', 'why goals of a locked period change (recorded in the audit log)')
    .option('--json', 'print the report as JSON')
    .action(async (entity: string, file: string, options: ImportCommandOptions, command: Command) => {
      // Usage errors first (exit 2), before a database is opened or created.
      const spec = entitySpecOf(entity);
      const encoding = options.encoding === undefined ? undefined : checkEncodingName(options.encoding);
      // A large file will be checked in the validation thread: let it load while the database opens.
      if (!options.dryRun && fileSize(file) >= OVERLAP_MIN_BYTES) void prestartValidationThread();
      const db = await openDatabase(databaseOf(command));
      const bar = progressBar();
      let report: ImportReport;
      try {
        report = await importFile(db, file, {
          entity: spec.name,
          actor: SYSTEM_ACTOR,
          source: file,
          dryRun: options.dryRun ?? false,
          reason: options.reason,
          onProgress: (p) => bar.update(p),
          ...(encoding ? { encoding } : {}),
        });
      } finally {
        bar.stop();
        await db.close();
      }
      if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
      if (!report.ok) {
        for (const line of formatImportErrors(file, report)) process.stderr.write(`${line}\n`);
        const rows = new Set(report.errors.map((e) => e.row)).size;
        process.stderr.write(`${file}: ${rows} invalid row${rows === 1 ? '' : 's'}; nothing was written\n`);
        process.exitCode = EXIT.invalidInput;
        return;
      }
      if (!options.json) process.stdout.write(`${formatImportSummary(file, report)}\n`);
    });
}
