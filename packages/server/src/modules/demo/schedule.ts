/**
 * Shared plumbing of the event generators: walking each rep's employed days month by month,
 * and numbering generated events in date order.
 */
import { iso, isWorkday, type Month } from './calendar.ts';
import { isEmployed, type Rep } from './org.ts';

export interface RepMonth {
  readonly rep: Rep;
  readonly month: Month;
  /** The days of the month the rep was employed, up to today. */
  readonly days: readonly number[];
  /** The same, working days only (activities, surveys and complaints happen on those). */
  readonly workdays: readonly number[];
  /** Share of the month the rep was employed and that has happened: scales monthly volumes. */
  readonly share: number;
}

export function* repMonths(
  reps: readonly Rep[],
  months: readonly Month[],
  today: number,
): Generator<RepMonth> {
  for (const rep of reps) {
    for (const month of months) {
      const days: number[] = [];
      for (let d = month.first; d <= Math.min(month.last, today); d++) if (isEmployed(rep, d)) days.push(d);
      if (days.length === 0) continue;
      yield {
        rep,
        month,
        days,
        workdays: days.filter(isWorkday),
        share: days.length / (month.last - month.first + 1),
      };
    }
  }
}

const byDayThenRep = (a: { day: number; rep: Rep }, b: { day: number; rep: Rep }) =>
  a.day - b.day || (a.rep.id < b.rep.id ? -1 : a.rep.id > b.rep.id ? 1 : 0);

/**
 * Sorts by date (stable within a day and rep) and numbers per day the way order systems do:
 * SO20260315-0007 is the 7th order of 15 March 2026.
 */
export function numberByDate<T extends { id: string; day: number; rep: Rep }>(
  items: T[],
  prefix: string,
): T[] {
  items.sort(byDayThenRep);
  let previousDay = Number.NaN;
  let seq = 0;
  for (const item of items) {
    seq = item.day === previousDay ? seq + 1 : 1;
    previousDay = item.day;
    item.id = `${prefix}${iso(item.day).replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
  }
  return items;
}

/** Sorts by date and numbers with one running sequence: AC000001, AC000002, … */
export function numberInSequence<T extends { id: string; day: number; rep: Rep }>(
  items: T[],
  prefix: string,
): T[] {
  items.sort(byDayThenRep);
  const width = Math.max(6, String(items.length).length);
  items.forEach((item, i) => {
    item.id = `${prefix}${String(i + 1).padStart(width, '0')}`;
  });
  return items;
}
