/**
 * Calendar dates (contract §1): `YYYY-MM-DD`, no time zone. Day numbers count days since
 * 1970-01-01 so that date arithmetic is integer arithmetic.
 */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the text is a real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day number of an ISO date. @example toDayNumber('1970-01-02') // 1 */
export function toDayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** ISO date of a day number. @example fromDayNumber(1) // '1970-01-02' */
export function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}
