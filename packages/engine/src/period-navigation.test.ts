import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import {
  elapsedDays,
  elapsedFraction,
  periodDays,
  previousPeriod,
  samePeriodLastYear,
} from './period-navigation.ts';
import { parsePeriod } from './periods.ts';

const p = (key: string, fiscal = 1) => parsePeriod(key, fiscal)!;

describe('previousPeriod (contract §3)', () => {
  it.each([
    ['2026', 1, '2025', '2025-01-01', '2025-12-31'],
    ['2026', 4, '2025', '2025-04-01', '2026-03-31'],
    ['2026-H1', 1, '2025-H2', '2025-07-01', '2025-12-31'],
    ['2026-H2', 1, '2026-H1', '2026-01-01', '2026-06-30'],
    ['2026-Q1', 1, '2025-Q4', '2025-10-01', '2025-12-31'],
    ['2026-Q1', 4, '2025-Q4', '2026-01-01', '2026-03-31'],
    ['2026-Q3', 1, '2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-01', 1, '2025-12', '2025-12-01', '2025-12-31'],
    ['2024-03', 1, '2024-02', '2024-02-01', '2024-02-29'],
    ['2026-W01', 1, '2025-W52', '2025-12-22', '2025-12-28'],
    ['2027-W01', 1, '2026-W53', '2026-12-28', '2027-01-03'],
    ['2026-W27', 1, '2026-W26', '2026-06-22', '2026-06-28'],
    ['2026-07-01..2026-07-10', 1, '2026-06-21..2026-06-30', '2026-06-21', '2026-06-30'],
    ['2024-03-01..2024-03-31', 1, '2024-01-30..2024-02-29', '2024-01-30', '2024-02-29'],
  ])('%s (fiscal start %d) → %s', (key, fiscal, expected, start, end) => {
    expect(previousPeriod(p(key, fiscal), fiscal)).toEqual(
      expect.objectContaining({ key: expected, start, end }),
    );
  });

  it('ends the day before and keeps the kind and (for custom ranges) the length', () => {
    const keys = fc.oneof(
      fc.integer({ min: 2001, max: 2099 }).map(String),
      fc
        .tuple(fc.integer({ min: 2001, max: 2099 }), fc.integer({ min: 1, max: 52 }))
        .map(([y, w]) => `${y}-W${String(w).padStart(2, '0')}`),
      fc
        .tuple(fc.integer({ min: 2001, max: 2099 }), fc.integer({ min: 1, max: 4 }))
        .map(([y, q]) => `${y}-Q${q}`),
      fc
        .tuple(fc.integer({ min: 2001, max: 2099 }), fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      fc.tuple(fc.integer({ min: 11000, max: 40000 }), fc.integer({ min: 0, max: 400 })).map(([d, len]) => {
        const start = addDays('1970-01-01', d);
        return `${start}..${addDays(start, len)}`;
      }),
    );
    fc.assert(
      fc.property(keys, fc.integer({ min: 1, max: 12 }), (key, fiscal) => {
        const period = p(key, fiscal);
        const previous = previousPeriod(period, fiscal);
        expect(previous.end).toBe(addDays(period.start, -1));
        expect(previous.kind).toBe(period.kind);
        if (period.kind === 'custom') expect(periodDays(previous)).toBe(periodDays(period));
      }),
    );
  });
});

describe('samePeriodLastYear (contract §3)', () => {
  it.each([
    ['2026', 4, '2025'],
    ['2026-H2', 1, '2025-H2'],
    ['2026-Q3', 1, '2025-Q3'],
    ['2026-07', 1, '2025-07'],
    ['2026-W27', 1, '2025-W27'],
    ['2026-W53', 1, null],
    ['2020-W53', 1, null],
    ['2020-W52', 1, '2019-W52'],
    ['2026-07-01..2026-08-15', 1, '2025-07-01..2025-08-15'],
    ['2024-02-29..2024-03-10', 1, '2023-02-28..2023-03-10'],
    ['2024-01-01..2024-02-29', 1, '2023-01-01..2023-02-28'],
  ])('%s (fiscal start %d) → %s', (key, fiscal, expected) => {
    expect(samePeriodLastYear(p(key, fiscal), fiscal)?.key ?? null).toBe(expected);
  });
});

describe('periodDays, elapsedDays, elapsedFraction (contract §5 pacing)', () => {
  it.each([
    ['2026', '2026-12-31', 365, 365, 1],
    ['2024', '2024-06-30', 366, 182, 182 / 366],
    ['2026-Q3', '2026-06-30', 92, 0, 0],
    ['2026-Q3', '2026-07-01', 92, 1, 1 / 92],
    ['2026-Q3', '2026-08-15', 92, 46, 0.5],
    ['2026-Q3', '2027-01-01', 92, 92, 1],
    ['2026-W53', '2026-12-31', 7, 4, 4 / 7],
    ['2026-07-01..2026-07-01', '2026-07-01', 1, 1, 1],
  ])('%s as of %s: %d days, %d elapsed', (key, asOf, days, elapsed, fraction) => {
    expect(periodDays(p(key))).toBe(days);
    expect(elapsedDays(p(key), asOf)).toBe(elapsed);
    expect(elapsedFraction(p(key), asOf)).toBeCloseTo(fraction, 15);
  });
});
