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
  return {
    start: first.date,
    end: `${last.year}-${pad(last.month)}-${pad(daysInMonth(last.year, last.month))}`,
  };
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
  const named = /^(\d{4})(?:-(H[12]|Q[1-4]|W\d{2}|\d{2}))?$/.exec(text);
  if (named) {
    const year = Number(named[1]);
    const part = named[2];
    if (part === undefined) return { key: text, kind: 'year', ...fiscalRange(year, fiscalYearStart, 0, 12) };
    const n = Number(part.replace(/^[HQW]/, ''));
    if (part.startsWith('H'))
      return { key: text, kind: 'half', ...fiscalRange(year, fiscalYearStart, (n - 1) * 6, 6) };
    if (part.startsWith('Q')) {
      return { key: text, kind: 'quarter', ...fiscalRange(year, fiscalYearStart, (n - 1) * 3, 3) };
    }
    if (part.startsWith('W')) {
      if (n < 1 || n > isoWeeksInYear(year)) return null;
      const start = addDays(isoWeekOneMonday(year), (n - 1) * 7);
      return { key: text, kind: 'week', start, end: addDays(start, 6) };
    }
    if (n < 1 || n > 12) return null;
    return {
      key: text,
      kind: 'month',
      start: `${year}-${part}-01`,
      end: `${year}-${part}-${pad(daysInMonth(year, n))}`,
    };
  }
  const custom = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (custom) {
    const [, start, end] = custom as unknown as [string, string, string];
    if (!isIsoDate(start) || !isIsoDate(end) || end < start) return null;
    return { key: text, kind: 'custom', start, end };
  }
  return null;
}
