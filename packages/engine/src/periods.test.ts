import { describe, expect, it } from 'vitest';
import { isoWeeksInYear, parsePeriod } from './periods.ts';

describe('parsePeriod', () => {
  it.each([
    ['2026', '2026-01-01', '2026-12-31'],
    ['2026-H2', '2026-07-01', '2026-12-31'],
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2026-W01', '2025-12-29', '2026-01-04'],
    ['2026-W53', '2026-12-28', '2027-01-03'],
    ['2026-07-01..2026-08-15', '2026-07-01', '2026-08-15'],
  ])('%s spans %s..%s', (key, start, end) => {
    expect(parsePeriod(key)).toMatchObject({ start, end });
  });

  it('follows the fiscal year start', () => {
    expect(parsePeriod('2026', 4)).toMatchObject({ start: '2026-04-01', end: '2027-03-31' });
    expect(parsePeriod('2026-Q4', 4)).toMatchObject({ start: '2027-01-01', end: '2027-03-31' });
  });

  it.each(['2026-13', '2025-W53', '2026-Q5', '2026-08-15..2026-07-01', 'x', '2026-H3'])(
    'rejects %s',
    (key) => {
      expect(parsePeriod(key)).toBeNull();
    },
  );

  it('knows 53-week years', () => {
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
  });
});
