/**
 * Moving between periods (contract §3) and measuring how much of a period has elapsed
 * (contract §5, `pacing`). Named periods keep their kind and follow the fiscal calendar;
 * custom ranges keep their length.
 */
import { addDays, daysInMonth, toDayNumber } from './dates.ts';
import { isoWeeksInYear, type Period, parsePeriod } from './periods.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function mustParse(key: string, fiscalYearStart: number): Period {
  const period = parsePeriod(key, fiscalYearStart);
  if (!period) throw new RangeError(`not a period: ${key}`);
  return period;
}

/** The year and the number after the kind letter (H, Q, W) or the month of a named key. */
function keyParts(key: string): { year: number; index: number } {
  const match = /^(\d{4})(?:-[HQW]?(\d{1,2}))?$/.exec(key);
  if (!match) throw new RangeError(`not a named period: ${key}`);
  return { year: Number(match[1]), index: Number(match[2] ?? 0) };
}

/**
 * The period of the same kind just before `period` (contract §3).
 * A custom range gives the range of the same length ending the day before.
 * @example previousPeriod(parsePeriod('2026-W01')!, 1).key // '2025-W52'
 * @example previousPeriod(parsePeriod('2026-Q1')!, 1).key // '2025-Q4'
 * @example previousPeriod(parsePeriod('2026-07-01..2026-07-10')!, 1).key // '2026-06-21..2026-06-30'
 */
export function previousPeriod(period: Period, fiscalYearStart = 1): Period {
  if (period.kind === 'custom') {
    const end = addDays(period.start, -1);
    const start = addDays(end, 1 - periodDays(period));
    return mustParse(`${start}..${end}`, fiscalYearStart);
  }
  const { year, index } = keyParts(period.key);
  switch (period.kind) {
    case 'year':
      return mustParse(String(year - 1), fiscalYearStart);
    case 'half':
      return mustParse(index === 1 ? `${year - 1}-H2` : `${year}-H1`, fiscalYearStart);
    case 'quarter':
      return mustParse(index === 1 ? `${year - 1}-Q4` : `${year}-Q${index - 1}`, fiscalYearStart);
    case 'month':
      return mustParse(index === 1 ? `${year - 1}-12` : `${year}-${pad(index - 1)}`, fiscalYearStart);
    case 'week':
      return mustParse(
        index === 1 ? `${year - 1}-W${pad(isoWeeksInYear(year - 1))}` : `${year}-W${pad(index - 1)}`,
        fiscalYearStart,
      );
  }
}

/** The same calendar date one year earlier; 29 February becomes 28 February (contract §3). */
function oneYearEarlier(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/**
 * The same period last year (contract §3): a named period with its year minus one, null for
 * week 53 of a year whose predecessor has no week 53; a custom range with both dates one year
 * earlier (29 Feb → 28 Feb).
 * @example samePeriodLastYear(parsePeriod('2026-Q3')!, 1)?.key // '2025-Q3'
 * @example samePeriodLastYear(parsePeriod('2026-W53')!, 1) // null (2025 has 52 weeks)
 */
export function samePeriodLastYear(period: Period, fiscalYearStart = 1): Period | null {
  if (period.kind === 'custom') {
    return mustParse(`${oneYearEarlier(period.start)}..${oneYearEarlier(period.end)}`, fiscalYearStart);
  }
  const { year } = keyParts(period.key);
  const key = `${year - 1}${period.key.slice(4)}`;
  return parsePeriod(key, fiscalYearStart);
}

/**
 * Number of days of a period, both ends included.
 * @example periodDays(parsePeriod('2024-02')!) // 29
 */
export function periodDays(period: Period): number {
  return toDayNumber(period.end) - toDayNumber(period.start) + 1;
}

/**
 * Days of the period up to and including min(end, asOf); 0 when asOf is before the start.
 * @example elapsedDays(parsePeriod('2026-07')!, '2026-07-10') // 10
 */
export function elapsedDays(period: Period, asOf: string): number {
  if (asOf < period.start) return 0;
  const last = asOf < period.end ? asOf : period.end;
  return toDayNumber(last) - toDayNumber(period.start) + 1;
}

/**
 * f of contract §5's `pacing`: elapsed days / days of the period, in [0, 1].
 * @example elapsedFraction(parsePeriod('2026-06')!, '2026-06-15') // 0.5
 */
export function elapsedFraction(period: Period, asOf: string): number {
  return elapsedDays(period, asOf) / periodDays(period);
}
