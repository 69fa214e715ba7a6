import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, isIsoDate, toDayNumber } from './dates.ts';

describe('dates', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2026-02-29', '2026-13-01', '2026-1-1', '2026/01/01', ''])('rejects %s', (d) =>
    expect(isIsoDate(d)).toBe(false),
  );
  it('converts day numbers both ways', () => {
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(fromDayNumber(toDayNumber('2026-11-23'))).toBe('2026-11-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
