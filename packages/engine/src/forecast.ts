/**
 * Forecast to the period's end (docs/metrics.md): straight run rate. An additive metric (money,
 * counts) is projected as actual to date / elapsed days × days of the period; a ratio or a
 * snapshot (pipeline) is its current value; nothing is forecast before the period starts.
 */
import type { MetricValue } from './base-metrics.ts';
import { fen } from './money.ts';
import { elapsedDays, periodDays } from './period-navigation.ts';
import type { Period } from './periods.ts';

/**
 * @example forecastRunRate(fen(300_00), parsePeriod('2026-06')!, '2026-06-10', true, true) // 900_00 fen
 * @example forecastRunRate(0.5, parsePeriod('2026-06')!, '2026-06-10', false, false) // 0.5
 */
export function forecastRunRate(
  actual: MetricValue,
  period: Period,
  asOf: string,
  additive: boolean,
  money: boolean,
): MetricValue {
  const elapsed = elapsedDays(period, asOf);
  if (actual === null || elapsed === 0) return null;
  if (!additive) return actual;
  const projected = (actual / elapsed) * periodDays(period);
  // Money stays integer fen: half away from zero, as the contract's half-up rounding of payroll.
  return money ? fen(Math.sign(projected) * Math.round(Math.abs(projected)) || 0) : projected;
}
