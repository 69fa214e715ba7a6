import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, isIsoDate, toDayNumber } from './dates.ts';

describe('dates', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2026-02-29', '2026-13-01', '2026-1-1', '2026/01/01', ''])('rejects %s', (d) =>
    expect(isIsoDate(d)).toBe(false),
  );
  it.each([
    '2100-02-29',
    '2026-02-3a',
    '2026-00-10',
    '2026-04-31',
    '2026-04-00',
    '+026-04-01',
    '2026-04-011',
  ])('rejects %s', (d) => expect(isIsoDate(d)).toBe(false));
  it('accepts exactly the texts that name a day Date agrees on (years 1000–9999)', () => {
    const viaDate = (text: string) => {
      const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
      return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
    };
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const texts = fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 1000, max: 9999 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
        )
        .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
      fc.string({ minLength: 10, maxLength: 10, unit: fc.constantFrom('0', '1', '2', '9', '-', '/', 'a') }),
    );
    fc.assert(
      fc.property(texts, (text) => isIsoDate(text) === viaDate(text)),
      { numRuns: 5000 },
    );
  });
  it('converts day numbers both ways', () => {
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(fromDayNumber(toDayNumber('2026-11-23'))).toBe('2026-11-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
