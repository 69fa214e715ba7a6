/**
 * Periods of contract §3: `2026`, `2026-H1`, `2026-Q3`, `2026-07`, `2026-W27`,
 * `2026-07-01..2026-08-15`. Years, halves, quarters and months follow the fiscal year
 * (`fiscalYearStart` = the month it starts in, 1 = calendar year; `2026` is the fiscal year
 * that starts in that month of 2026). Weeks are ISO weeks, Monday–Sunday.
 */
import { addDays, daysInMonth, isIsoDate, toDayNumber } from './dates.ts';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'week' | 'custom';

export interface Period {
  readonly key: string;
  readonly kind: PeriodKind;
  /** First day, inclusive. */
  readonly start: string;
  /** Last day, inclusive. */
  readonly end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First day of the month that is `offset` months after year-month (month 1–12). */
function monthStart(year: number, month: number, offset = 0): { year: number; month: number; date: string } {
  const index = year * 12 + (month - 1) + offset;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { year: y, month: m, date: `${y}-${pad(m)}-01` };
}

/** Fiscal months [firstMonthIndex, +count) of fiscal year `year`, as a date range. */
function fiscalRange(year: number, fiscalYearStart: number, fromMonth: number, count: number) {
  const first = monthStart(year, fiscalYearStart, fromMonth);
  const last = monthStart(year, fiscalYearStart, fromMonth + count - 1);
  return { start: first.date, end: `${last.year}-${pad(last.month)}-${pad(daysInMonth(last.year, last.month))}` };
}

/** Monday of ISO week 1 of an ISO year. */
function isoWeekOneMonday(year: number): string {
  const jan4 = `${year}-01-04`;
  const weekday = (toDayNumber(jan4) + 3) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  return addDays(jan4, -weekday);
}

/** Number of ISO weeks (52 or 53) in an ISO year. */
export function isoWeeksInYear(year: number): number {
  return (toDayNumber(isoWeekOneMonday(year + 1)) - toDayNumber(isoWeekOneMonday(year))) / 7;
}

/**
 * Parses a period key; null when it is not one of contract §3's forms.
 * @example parsePeriod('2026-Q3') // { kind: 'quarter', start: '2026-07-01', end: '2026-09-30', ... }
 */
export function parsePeriod(key: string, fiscalYearStart = 1): Period | null {
  const text = key.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(text))) {
    return { key: text, kind: 'year', ...fiscalRange(Number(m[1]), fiscalYearStart, 0, 12) };
  }
  if ((m = /^(\d{4})-H([12])$/.exec(text))) {
    return { key: text, kind: 'half', ...fiscalRange(Number(m[1]), fiscalYearStart, (Number(m[2]) - 1) * 6, 6) };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(text))) {
    return { key: text, kind: 'quarter', ...fiscalRange(Number(m[1]), fiscalYearStart, (Number(m[2]) - 1) * 3, 3) };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(text))) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    const year = Number(m[1]);
    return { key: text, kind: 'month', start: `${year}-${m[2]}-01`, end: `${year}-${m[2]}-${pad(daysInMonth(year, month))}` };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(text))) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week < 1 || week > isoWeeksInYear(year)) return null;
    const start = addDays(isoWeekOneMonday(year), (week - 1) * 7);
    return { key: text, kind: 'week', start, end: addDays(start, 6) };
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text))) {
    const [, start, end] = m as unknown as [string, string, string];
    if (!isIsoDate(start) || !isIsoDate(end) || end < start) return null;
    return { key: text, kind: 'custom', start, end };
  }
  return null;
}
