/**
 * Presents a metrics result as a row of `attain report metrics --json` (contract §7): money
 * metrics and their goals as money strings, everything else as JSON numbers, unrounded.
 */
import type { MetricValue } from './base-metrics.ts';
import type { MetricsResult } from './compute-metrics.ts';
import { parseMetricKey } from './metric-key.ts';
import { MONEY_METRICS } from './metric-names.ts';
import { type Fen, formatMoney } from './money.ts';

export interface MetricsReportRow {
  readonly scope: string;
  readonly kind: 'person' | 'unit';
  readonly metrics: Record<string, string | number | null>;
  readonly goals: Record<string, string | number>;
  readonly attainment: Record<string, number | null>;
  readonly pacing: Record<string, number | null>;
}

/**
 * True when the key's values are money strings: a money base metric, not its growth or yoy.
 * @example isMoneyKey('revenue{product_line=A}') // true
 * @example isMoneyKey('revenue_growth') // false
 */
export function isMoneyKey(key: string): boolean {
  const parsed = parseMetricKey(key);
  return 'key' in parsed && parsed.key.variant === 'value' && MONEY_METRICS.has(parsed.key.base);
}

/**
 * A metric value as JSON: money as a string with two decimals.
 * @example formatMetricValue('revenue', fen(123450)) // '1234.50'
 */
export function formatMetricValue(key: string, value: MetricValue): string | number | null {
  if (value === null) return null;
  return isMoneyKey(key) ? formatMoney(value as Fen) : value;
}

/** One row of the report (contract §7). */
export function toReportRow(result: MetricsResult): MetricsReportRow {
  const metrics: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(result.metrics)) metrics[key] = formatMetricValue(key, value);
  const goals: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(result.goals))
    goals[key] = formatMetricValue(key, value) ?? value;
  return {
    scope: result.scope.id,
    kind: result.scope.kind,
    metrics,
    goals,
    attainment: { ...result.attainment },
    pacing: { ...result.pacing },
  };
}

/** The report's header fields: `{ period, start, end, as_of }`. */
export function reportHeader(result: Pick<MetricsResult, 'period' | 'asOf'>) {
  return {
    period: result.period.key,
    start: result.period.start,
    end: result.period.end,
    as_of: result.asOf,
  };
}
