import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../dates.ts';
import { monthOfDay, monthStartDay } from './calendar-math.ts';

describe('calendar math on day numbers', () => {
  it('agrees with the date functions', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const date = fromDayNumber(day);
        const month = monthOfDay(day);
        expect(month).toBe(Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1);
        expect(monthStartDay(month)).toBe(toDayNumber(`${date.slice(0, 7)}-01`));
      }),
    );
  });
});
