import { formatCount, formatMoney, formatMoneyShort } from '../../format.ts';
import { MONEY_METRICS, RATE_METRICS } from '../../metricKinds.ts';
import type { Value } from './dashboardApi.ts';

/** The base metric of a key: `revenue{product_line=A}` → `revenue`. */
export const baseOf = (key: string) => key.replace(/\{.*$/, '').replace(/_(growth|yoy)$/, '');

export const isMoneyMetric = (key: string) => MONEY_METRICS.has(baseOf(key)) && !/_(growth|yoy)/.test(key);
export const isRateMetric = (key: string) => RATE_METRICS.has(baseOf(key));

export const formatPercent = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;

/** A metric value as people read it: money in 万 (zh) or K/M (en), rates in %, counts grouped. */
export function formatMetric(key: string, value: Value, language: string, exact = false): string {
  if (value === null || value === undefined) return '—';
  if (isMoneyMetric(key)) return exact ? formatMoney(value) : formatMoneyShort(value, language);
  if (isRateMetric(key)) return formatPercent(Number(value));
  const number = Number(value);
  return Number.isInteger(number) ? formatCount(number, language) : number.toFixed(2);
}

/** Progress colour by pacing (actual vs goal × time elapsed): on pace green, close amber, behind red. */
export const paceColor = (pacing: number | null | undefined) =>
  pacing === null || pacing === undefined
    ? undefined
    : pacing >= 1
      ? '#52c41a'
      : pacing >= 0.85
        ? '#faad14'
        : '#ff4d4f';

/** A number for charts: money strings become yuan numbers (display only, never for sums we report). */
export const chartNumber = (value: Value) => (value === null || value === undefined ? null : Number(value));
