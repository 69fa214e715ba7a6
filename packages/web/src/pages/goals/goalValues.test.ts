import { describe, expect, it } from 'vitest';
import { formatGoal, isGap, lockOf, periodLabel } from './goalValues.ts';

const lock = (period: string) => ({
  period,
  lockedBy: 'F001',
  lockedAt: '2026-01-01T00:00:00Z',
  reason: null,
});

describe('lockOf', () => {
  it.each([
    ['2026-03', ['2026'], '2026'],
    ['2026-Q2', ['2026-H1'], '2026-H1'],
    ['2026', ['2026-Q1'], undefined],
    ['2026-04', ['2026-Q1'], undefined],
    ['2026-02', ['2025'], undefined],
    ['2026-02', ['2026-02'], '2026-02'],
  ])('%s under %j → %s', (period, locks, expected) => {
    expect(lockOf(period, locks.map(lock))?.period).toBe(expected);
  });
});

describe('goal values', () => {
  it('formats by metric', () => {
    expect(formatGoal('revenue', '23305000.00', 'zh-CN')).toBe('¥2,330.5万');
    expect(formatGoal('revenue', '1234.5', 'en', true)).toBe('¥1,234.50');
    expect(formatGoal('visits', '1200', 'en')).toBe('1,200');
    expect(formatGoal('win_rate', '0.35', 'en')).toBe('35.0%');
    expect(formatGoal('revenue', null, 'en')).toBe('');
  });

  it('tells gaps from zeros', () => {
    expect([isGap('0.00'), isGap('-0'), isGap(null), isGap('-5000.00'), isGap('0.01')]).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it('labels columns', () => {
    expect(['2026-01', '2026-Q3', '2026'].map((p) => periodLabel(p, 'zh-CN', '全年'))).toEqual([
      '1月',
      'Q3',
      '全年',
    ]);
    expect(periodLabel('2026-12', 'en', 'Year')).toBe('Dec');
  });
});
