import { formatDecimal, formatMoney, formatMoneyShort } from '../../format.ts';
import { MONEY_METRICS, RATE_METRICS } from '../../metricKinds.ts';
import type { Lock } from './goalsApi.ts';

export const isMoneyMetric = (metric: string) => MONEY_METRICS.has(metric);

/** A goal value as people read it: money short (万/K) or exact, rates in %, counts grouped. */
export function formatGoal(
  metric: string,
  value: string | null | undefined,
  language: string,
  exact = false,
) {
  if (value === null || value === undefined || value === '') return '';
  if (MONEY_METRICS.has(metric)) return exact ? formatMoney(value) : formatMoneyShort(value, language);
  if (RATE_METRICS.has(metric)) return `${(Number(value) * 100).toFixed(1)}%`;
  return formatDecimal(value);
}

/** True when a decimal string is non-zero ("0.00" and null are not gaps). */
export const isGap = (value: string | null | undefined) => !!value && !/^-?0*(\.0*)?$/.test(value);

/** First and last month (1–12) of a period key of contract §3: year, half, quarter or month; null otherwise. */
function monthSpan(period: string): { year: string; from: number; to: number } | null {
  const match = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(period);
  if (!match) return null;
  const [, year = '', part] = match;
  if (!part) return { year, from: 1, to: 12 };
  const n = Number(part.slice(1));
  if (part.startsWith('H')) return { year, from: n * 6 - 5, to: n * 6 };
  if (part.startsWith('Q')) return { year, from: n * 3 - 2, to: n * 3 };
  return { year, from: Number(part), to: Number(part) };
}

/** The lock covering a period (docs/goals.md: a lock on L covers every period wholly inside L). */
export function lockOf(period: string, locks: readonly Lock[]): Lock | undefined {
  const inner = monthSpan(period);
  if (!inner) return locks.find((lock) => lock.period === period);
  return locks.find((lock) => {
    const outer = monthSpan(lock.period);
    return !!outer && outer.year === inner.year && outer.from <= inner.from && inner.to <= outer.to;
  });
}

/** A grid column's header: 1月…12月, Q1…Q4, 全年 (Jan…Dec in English). */
export function periodLabel(period: string, language: string, yearLabel: string): string {
  const month = /^\d{4}-(\d{2})$/.exec(period)?.[1];
  if (month) {
    const n = Number(month);
    return language.startsWith('zh')
      ? `${n}月`
      : new Date(2000, n - 1, 1).toLocaleString('en-US', { month: 'short' });
  }
  const quarter = /-(Q[1-4])$/.exec(period)?.[1];
  if (quarter) return quarter;
  return /^\d{4}$/.test(period) ? yearLabel : period;
}
