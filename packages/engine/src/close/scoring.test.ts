import { describe, expect, it } from 'vitest';
import { dec } from '../plan/decimal.ts';
import type { Scoring } from '../plan/plan-types.ts';
import { gradeOf, scoreItem, weightedScore } from './scoring.ts';

const linear = (cap: string | null, floor = '0'): Scoring => ({ type: 'linear', cap, floor });
const lower = (cap: string | null, floor = '0'): Scoring => ({ type: 'lower_is_better', cap, floor });
const ladder: Scoring = {
  type: 'ladder',
  bands: [
    ['0', '40'],
    ['0.8', '80'],
    ['1', '100'],
  ],
};

describe('item scoring (contract §6)', () => {
  it.each([
    ['linear within cap', linear('1.2', '0.6'), 95, 100, 95],
    ['linear capped', linear('1.2', '0.6'), 150, 100, 120],
    ['linear at the floor', linear('1.2', '0.6'), 60, 100, 60],
    ['linear below the floor', linear('1.2', '0.6'), 59, 100, 0],
    ['linear without cap', linear(null), 300, 100, 300],
    ['linear negative actual', linear(null), -5, 100, 0],
    ['linear exact decimal (0.29 × 100 = 29, not 28.999…)', linear(null), 29, 100, 29],
    ['ladder top band', ladder, 0.3, 0.3, 100],
    ['ladder middle band', ladder, 0.27, 0.3, 80],
    ['ladder first band', ladder, 0.1, 0.3, 40],
    ['ladder below the first band', ladder, -0.1, 0.3, 0],
    ['lower_is_better', lower('1.2'), 0.025, 0.02, 80],
    ['lower_is_better capped', lower('1.2'), 0.01, 0.02, 120],
    ['lower_is_better actual 0 → cap', lower('1.2'), 0, 0.02, 120],
    ['lower_is_better actual 0, no cap → 1', lower(null), 0, 0.02, 100],
  ])('%s', (_name, scoring, actual, goal, score) => {
    const result = scoreItem(scoring, dec(actual), dec(goal));
    expect(result.score.toNumber()).toBe(score);
    expect(result.flag).toBeUndefined();
  });

  it('flags a null actual (no_actual) before a missing goal (no_goal)', () => {
    expect(scoreItem(linear(null), null, null).flag).toBe('no_actual');
    expect(scoreItem(linear(null), dec(5), null).flag).toBe('no_goal');
    expect(scoreItem(linear(null), dec(5), dec(0)).flag).toBe('no_goal');
    expect(scoreItem(linear(null), dec(5), dec(0)).score.toNumber()).toBe(0);
  });
});

describe('weighted scores and grades', () => {
  const grades = [
    { name: 'S', min: '110' },
    { name: 'A', min: '95' },
    { name: 'B', min: '80' },
    { name: 'C', min: '60' },
    { name: 'D', min: '0' },
  ];
  it('Σ(weight × score) / Σ weights', () => {
    expect(
      weightedScore([
        { weight: '60', score: dec(100) },
        { weight: '40', score: dec(50) },
      ]).toNumber(),
    ).toBe(80);
    expect(
      weightedScore([
        { weight: '1', score: dec(1) },
        { weight: '2', score: dec(0) },
      ]).toNumber(),
    ).toBe(1 / 3);
  });
  it.each([
    [110, 'S'],
    [109.99, 'A'],
    [95, 'A'],
    [80, 'B'],
    [0, 'D'],
  ])('total %d → grade %s', (total, grade) => {
    expect(gradeOf(grades, dec(total))).toBe(grade);
  });
  it('below every grade → null', () => {
    expect(gradeOf([{ name: 'A', min: '50' }], dec(10))).toBeNull();
  });
});
