/**
 * `attain report metrics --json` in one call (contract §7): one row per scope, money as strings.
 */
import { computeMetrics } from './compute-metrics.ts';
import { type Period, parsePeriod } from './periods.ts';
import { type MetricsReportRow, toReportRow } from './report-format.ts';
import type { FactStore } from './store/fact-store.ts';
import type { Scope } from './store/scope.ts';

export interface MetricsReportRequest {
  /** The rows' scopes, in output order (the server decides who is employed during P). */
  readonly scopes: readonly Scope[];
  readonly period: Period | string;
  readonly fiscalYearStart?: number;
  readonly asOf: string;
  /** `--metrics`, already split (splitMetricList); absent: every base metric + filtered goal keys. */
  readonly metrics?: readonly string[];
  /** Goals of a scope for the period, by metric key (fen for money metrics). */
  readonly goalsFor?: (scope: Scope) => Readonly<Record<string, number>> | undefined;
}

export interface MetricsReport {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly as_of: string;
  readonly rows: MetricsReportRow[];
}

/**
 * Builds the JSON document of `attain report metrics --json`.
 * @example buildMetricsReport(store, { scopes: [{ kind: 'person', id: 'r1' }], period: '2026-Q3', asOf: '2026-09-30' })
 *   // { period: '2026-Q3', start: '2026-07-01', end: '2026-09-30', as_of: '2026-09-30', rows: [{ scope: 'r1', kind: 'person', metrics: { revenue: '1033.33', ... }, ... }] }
 */
export function buildMetricsReport(store: FactStore, request: MetricsReportRequest): MetricsReport {
  const fiscalYearStart = request.fiscalYearStart ?? 1;
  const period =
    typeof request.period === 'string' ? parsePeriod(request.period, fiscalYearStart) : request.period;
  if (!period) throw new RangeError(`not a period: ${String(request.period)}`);
  const rows = request.scopes.map((scope) => {
    const goals = request.goalsFor?.(scope);
    const result = computeMetrics(store, {
      scope,
      period,
      fiscalYearStart,
      asOf: request.asOf,
      ...(request.metrics ? { metrics: request.metrics } : {}),
      ...(goals ? { goals } : {}),
    });
    return toReportRow(result);
  });
  return { period: period.key, start: period.start, end: period.end, as_of: request.asOf, rows };
}
