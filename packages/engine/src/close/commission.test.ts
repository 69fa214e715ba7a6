import { describe, expect, it } from 'vitest';
import { dec } from '../plan/decimal.ts';
import type { TieredCommission } from '../plan/plan-types.ts';
import { calculateCommission } from './commission.ts';
import { renderExplainLine } from './explain-lines.ts';

/** The seeds' example: 1% up to ¥1,000,000, 1.5% up to ¥3,000,000, 2% above. */
const tiers = [
  { upto: '1000000', rate: '0.01' },
  { upto: '3000000', rate: '0.015' },
  { upto: null, rate: '0.02' },
];
const plan = (mode: 'marginal' | 'retroactive', extra: Partial<TieredCommission> = {}): TieredCommission => ({
  id: 'commission',
  type: 'tiered_commission',
  base: 'revenue',
  mode,
  tiers,
  accelerators: [],
  cap: null,
  clawback: null,
  ...extra,
});
const yuan = (base: string | null, p: TieredCommission, goal: string | null = null) =>
  calculateCommission(p, base === null ? null : dec(base), goal === null ? null : dec(goal)).amount / 100;

describe('tiered commission (contract §6, seeds example)', () => {
  it.each([
    ['3500000', 50_000, 70_000], // 10,000 + 30,000 + 10,000; 2% × 3,500,000
    ['1000000', 10_000, 10_000], // on the first boundary: still the first tier
    ['1000000.01', 10_000, 15_000], // 10,000.00015 and 15,000.00015 round down
    ['3000000', 40_000, 45_000], // on the second boundary: retroactive 1.5%
    ['3000000.01', 40_000, 60_000], // 40,000.0002 and 60,000.0002
    ['500000', 5_000, 5_000],
    ['0', 0, 0],
    ['-1000', 0, 0], // negative base pays 0
  ])('base %s → marginal %d, retroactive %d', (base, marginal, retroactive) => {
    expect(yuan(base, plan('marginal'))).toBe(Math.round(marginal * 100) / 100);
    expect(yuan(base, plan('retroactive'))).toBe(Math.round(retroactive * 100) / 100);
  });

  it('rounds half-up once, at the end (exact halves of a fen)', () => {
    // 0.01 × 0.5 yuan = 0.005 yuan → 0.01; a float would read 0.015 × … wrongly
    expect(yuan('0.5', plan('marginal'))).toBe(0.01);
    expect(yuan('0.49', plan('marginal'))).toBe(0); // 0.0049 → 0.00
    // 1.5% × 1,000,000.30 retroactive = 15,000.0045 → 15,000.00; marginal 10,000 + 0.0045 → 10,000.00
    expect(yuan('1000000.30', plan('retroactive'))).toBe(15_000);
    // 1.5% × 1,000,001.00 = 15,000.015 → 15,000.02 (exact half of a fen rounds up)
    expect(yuan('1000001', plan('retroactive'))).toBe(15_000.02);
    // marginal: 10,000 + 1.5% × 0.33 = 10,000.00495 → 10,000.00 (not rounded per tier)
    expect(yuan('1000000.33', plan('marginal'))).toBe(10_000);
    expect(yuan('1000000.34', plan('marginal'))).toBe(10_000.01); // 10,000.0051
  });

  it('null base pays 0', () => {
    expect(yuan(null, plan('marginal'))).toBe(0);
  });

  it('explains each tier slice', () => {
    const result = calculateCommission(plan('marginal'), dec('3500000'));
    expect(result.slices.map((s) => [s.from, s.to, s.rate, s.amount])).toEqual([
      ['0', '1000000', '0.01', '10000'],
      ['1000000', '3000000', '0.015', '30000'],
      ['3000000', '3500000', '0.02', '10000'],
    ]);
    expect(renderExplainLine(result.lines.at(-1)!)).toContain('50000.00');
  });
});

describe('optional parts (docs/plans.md)', () => {
  it('accelerator multiplies the rate for the base above threshold × goal', () => {
    const p = plan('marginal', { accelerators: [{ above: '1.0', multiplier: '1.5' }] });
    // goal 2,000,000: 10,000 + 1.5% × 1,000,000 + 1.5% × 1.5 × 1,000,000 + 2% × 1.5 × 500,000
    expect(yuan('3500000', p, '2000000')).toBe(10_000 + 15_000 + 22_500 + 15_000);
    expect(yuan('3500000', p, null)).toBe(50_000); // no goal: no acceleration
    const r = plan('retroactive', {
      accelerators: [
        { above: '1', multiplier: '2' },
        { above: '1.5', multiplier: '3' },
      ],
    });
    // goal 1,000,000, base 2,000,000 at 1.5%: 1,000,000 × 1 + 500,000 × 2 + 500,000 × 3 → 3,500,000 × 1.5%
    expect(yuan('2000000', r, '1000000')).toBe(52_500);
  });

  it('cap limits the amount', () => {
    expect(yuan('3500000', plan('marginal', { cap: '45000' }))).toBe(45_000);
    expect(yuan('500000', plan('marginal', { cap: '45000' }))).toBe(5_000);
  });

  it('clawback: a negative base pays the first tier rate (or its own) × base', () => {
    expect(yuan('-1000', plan('marginal', { clawback: { rate: null } }))).toBe(-10);
    expect(yuan('-1000.50', plan('marginal', { clawback: { rate: '0.015' } }))).toBe(-15.01); // −15.0075 → −15.01
  });
});
