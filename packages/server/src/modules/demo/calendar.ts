/**
 * Calendar helpers of the demo: day numbers (engine/dates), months, working days and the
 * Chinese sales seasons the generated orders follow.
 */
import { daysInMonth, fromDayNumber, toDayNumber } from '@attain/engine';

export interface Month {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** Day numbers of the first and last day. */
  readonly first: number;
  readonly last: number;
}

export const day = toDayNumber;
export const iso = fromDayNumber;

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export const weekday = (dayNumber: number): number => (((dayNumber + 4) % 7) + 7) % 7;
export const isWorkday = (dayNumber: number): boolean => weekday(dayNumber) !== 0 && weekday(dayNumber) !== 6;

export function monthOf(year: number, month: number): Month {
  const first = toDayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
  return { year, month, first, last: first + daysInMonth(year, month) - 1 };
}

export function monthContaining(dayNumber: number): Month {
  const [year, month] = iso(dayNumber).split('-').map(Number) as [number, number];
  return monthOf(year, month);
}

/** The `count` months ending with the month of `today`, oldest first. */
export function monthsUpTo(today: number, count: number): Month[] {
  const current = monthContaining(today);
  const months: Month[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = current.year * 12 + (current.month - 1) - back;
    months.push(monthOf(Math.floor(index / 12), (index % 12) + 1));
  }
  return months;
}

/** The day `months` calendar months before, clamped to the month's end (31 Mar − 1 → 28 Feb). */
export function monthsBefore(dayNumber: number, months: number): number {
  const [year, month, dayOfMonth] = iso(dayNumber).split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const target = monthOf(Math.floor(index / 12), (index % 12) + 1);
  return Math.min(target.first + dayOfMonth - 1, target.last);
}

/**
 * Relative sales volume by calendar month. 春节 (late Jan / Feb) is the trough; companies
 * push to close each quarter (Mar, Jun, Sep) and the year (Dec, when budgets must be spent);
 * 国庆 (October) is slow.
 */
export const SEASON: readonly number[] = [0.8, 0.55, 1.15, 0.9, 0.95, 1.2, 0.9, 0.85, 1.15, 0.8, 1.05, 1.4];

export const seasonOf = (month: number): number => SEASON[month - 1] ?? 1;

/** Weight of a day within its month: the last ten days of a quarter-end month close more deals. */
export function dayWeight(dayNumber: number): number {
  if (!isWorkday(dayNumber)) return 0.15;
  const { month, last } = monthContaining(dayNumber);
  const quarterEnd = month % 3 === 0;
  return quarterEnd && last - dayNumber < 10 ? 1.8 : 1;
}
