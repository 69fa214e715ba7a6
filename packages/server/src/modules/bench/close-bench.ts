/**
 * Issue 5, 2b: quarter and year close — the KPIs of every person and every unit — through the
 * warm server's engine store against the same KPIs in SQL on DuckDB, PostgreSQL and SQLite. Every
 * contender's numbers are checked equal to the engine's (money to the fen, counts exactly,
 * ratios by the engine's formulas on the same integers) before its time is reported.
 */
import { type MetricsReportRow, type Period, parsePeriod } from '@attain/engine';
import { moneyToFen } from './bulk-load.ts';
import type { CloseSums, SqlRunner } from './close-runners.ts';
import { closeStatements } from './close-sql.ts';
import { type BenchServer, getJson } from './server-process.ts';

export const CLOSE_METRICS = [
  'revenue',
  'orders',
  'gross_margin_rate',
  'collected',
  'collection_rate',
  'new_customers',
  'visits',
  'activities',
  'leads',
  'win_rate',
] as const;

export const CLOSE_PERIODS = ['2025-Q4', '2025'] as const;
export const CLOSE_AS_OF = '2025-12-31';

export interface CloseTiming {
  readonly period: string;
  readonly contender: 'engine' | 'duckdb' | 'postgres' | 'sqlite';
  /** Best of the timed runs, person and unit closes together; null when the results differ. */
  readonly ms: number | null;
  readonly scopes: number;
  readonly mismatches: number;
  readonly example?: string;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** What the engine reports, derived from SQL's integer sums with the engine's formulas. */
function expected(sums: Record<string, number> | undefined): Record<string, number | null> {
  const s = (k: string) => sums?.[k] ?? 0;
  return {
    revenue: s('revenue'),
    orders: s('orders'),
    gross_margin_rate: ratio(s('revenue') - s('cost'), s('revenue')),
    collected: s('collected'),
    collection_rate: ratio(s('collected'), s('revenue')),
    new_customers: s('new_customers'),
    visits: s('visits'),
    activities: s('activities'),
    leads: s('leads'),
    win_rate: ratio(s('won'), s('closed')),
  };
}

const actual = (row: MetricsReportRow, key: string): number | null => {
  const value = row.metrics[key];
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? moneyToFen(value) : value;
};

/** Compares the engine's rows with SQL sums; returns the number of differing values and one example. */
export function compareClose(rows: readonly MetricsReportRow[], sql: CloseSums) {
  let mismatches = 0;
  let example: string | undefined;
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(`${row.kind}:${row.scope}`);
    const want = expected(sql.get(`${row.kind}:${row.scope}`));
    for (const key of CLOSE_METRICS) {
      if (actual(row, key) === want[key]) continue;
      mismatches++;
      example ??= `${row.kind} ${row.scope} ${key}: engine ${actual(row, key)}, SQL ${want[key]}`;
    }
  }
  for (const [scope, sums] of sql) {
    if (seen.has(scope) || Object.values(sums).every((v) => v === 0)) continue;
    mismatches++;
    example ??= `${scope}: SQL has facts, the engine reports no row`;
  }
  return { mismatches, example };
}

const best = (times: number[]) => Math.min(...times);

/**
 * The warm server's close: GET /api/v1/reports/metrics by person and by unit (the same
 * `buildMetricsReport` as `attain report metrics`), a checked run then `runs` timed runs. The
 * time includes HTTP and JSON, as a user of the API sees it. The close's metrics read only the
 * store's cubes, never its query memos, so a repeated run computes again.
 */
export async function serverClose(server: BenchServer, periodKey: string, runs: number) {
  const once = async () => {
    const rows: MetricsReportRow[] = [];
    for (const by of ['person', 'unit']) {
      const query = `period=${periodKey}&asOf=${CLOSE_AS_OF}&by=${by}&metrics=${CLOSE_METRICS.join(',')}`;
      const { status, body } = await getJson(server, `/reports/metrics?${query}`);
      if (status !== 200) throw new Error(`report answered ${status}: ${JSON.stringify(body)}`);
      rows.push(...(body as { rows: MetricsReportRow[] }).rows);
    }
    return rows;
  };
  const rows = await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  return { rows, ms: best(times), scopes: rows.length };
}

/** One SQL contender's close of a period: a checked run, then `runs` timed runs (see below). */
export async function sqlClose(
  runner: SqlRunner,
  periodKey: string,
  rows: readonly MetricsReportRow[],
  runs: number,
): Promise<CloseTiming> {
  const period = parsePeriod(periodKey) as Period;
  const end = period.end < CLOSE_AS_OF ? period.end : CLOSE_AS_OF;
  const statements = (['person', 'unit'] as const).map((kind) => ({
    kind,
    statements: closeStatements(runner.dialect, kind, period.start, end),
  }));
  const once = async () => {
    const all: CloseSums = new Map();
    for (const { kind, statements: list } of statements) {
      for (const [scope, sums] of await runner.run(list)) all.set(`${kind}:${scope}`, sums);
    }
    return all;
  };
  let started = performance.now();
  const checked = await once();
  const times = [performance.now() - started];
  const { mismatches, example } = compareClose(rows, checked);
  const base = { period: periodKey, contender: runner.dialect, scopes: rows.length, mismatches };
  if (mismatches > 0) return { ...base, ms: null, ...(example ? { example } : {}) };
  // With runs = 0 the checked run's own time is reported (from 1M orders, where one SQLite
  // year close takes 28 s to minutes); otherwise the best of the later, warm runs.
  for (let i = 0; i < runs; i++) {
    if (i === 0) times.length = 0;
    started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  return { ...base, ms: best(times) };
}
