import fs from 'node:fs';
import { splitMetricList } from '@attain/engine';
import type { Command } from 'commander';
import { z } from 'zod';
import { openDatabase } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { todayOf } from '../modules/access/request-scope.ts';
import { buildMetricsReport } from '../modules/reports/metrics-report.service.ts';
import {
  metricsReportCsv,
  metricsReportTable,
  metricsReportXlsx,
} from '../modules/reports/metrics-report.table.ts';
import { loadFactStore } from '../modules/tracking/fact-store.loader.ts';
import { databaseOf } from './program.ts';

const optionsSchema = z.object({
  period: z.string().min(1),
  metrics: z.string().optional(),
  by: z.enum(['person', 'unit']).default('person'),
  scope: z.string().optional(),
  asOf: z.iso.date().optional(),
  json: z.boolean().optional(),
  format: z.enum(['table', 'csv', 'xlsx']).optional(),
  out: z.string().optional(),
});

function usage(error: z.ZodError): AppError {
  const issue = error.issues[0];
  return new AppError('validation_failed', `--${String(issue?.path[0] ?? '')}: ${issue?.message}`, 'usage');
}

/** Aligned text table for a terminal. */
function printTable(header: string[], rows: (string | number | null)[][]): string {
  const text = [header, ...rows.map((r) => r.map((c) => (c === null ? '—' : String(c))))];
  const widths = header.map((_, i) => Math.max(...text.map((r) => (r[i] ?? '').length)));
  return `${text.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')).join('\n')}\n`;
}

export function registerReport(program: Command): void {
  const report = program.command('report').description('reports');
  report
    .command('metrics')
    .description('metric values, goals, attainment and pacing per person or unit (contract §5, §7)')
    .requiredOption(
      '--period <P>',
      'period: 2026, 2026-H1, 2026-Q3, 2026-07, 2026-W27, 2026-07-01..2026-08-15',
    )
    .option('--metrics <list>', 'metric keys, comma-separated (commas inside braces belong to the key)')
    .option('--by <kind>', 'person or unit', 'person')
    .option('--scope <id>', 'only this unit (and below) or this person')
    .option('--as-of <date>', 'as-of date A (default: today)')
    .option('--json', 'print the contract JSON')
    .option('--format <format>', 'table (default), csv or xlsx')
    .option('--out <file>', 'write the csv/xlsx to this file instead of stdout')
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) throw usage(parsed.error);
      const options = parsed.data;
      if (options.format === 'xlsx' && !options.out) {
        throw new AppError('validation_failed', '--format xlsx needs --out FILE', 'usage');
      }
      const db = await openDatabase(databaseOf(command));
      try {
        const store = await loadFactStore(db.kysely);
        const result = await buildMetricsReport(db.kysely, store, {
          period: options.period,
          metrics: options.metrics ? splitMetricList(options.metrics) : undefined,
          by: options.by,
          scope: options.scope,
          asOf: options.asOf ?? todayOf(new Date()),
        }).catch((error: unknown) => {
          if (error instanceof AppError) throw new AppError('validation_failed', error.message, 'usage');
          throw error;
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(result)}\n`);
          return;
        }
        if (options.format === 'csv' || options.format === 'xlsx') {
          const body = options.format === 'csv' ? metricsReportCsv(result) : await metricsReportXlsx(result);
          if (options.out) fs.writeFileSync(options.out, body);
          else process.stdout.write(body);
          return;
        }
        const { header, rows } = metricsReportTable(result);
        process.stdout.write(`${result.period} (${result.start} – ${result.end}), as of ${result.as_of}\n`);
        process.stdout.write(printTable(header, rows));
      } finally {
        await db.close();
      }
    });
}
