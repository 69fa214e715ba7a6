import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../plan/decimal.ts';
import type { TieredCommission } from '../plan/plan-types.ts';
import { calculateCommission } from './commission.ts';

/** Random ascending tiers in yuan with rates up to 10%. */
const tiersArb = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 5_000_000 }), { maxLength: 4 }),
    fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 5 }),
  )
  .map(([bounds, rates]) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    return [
      ...sorted.map((upto, i) => ({ upto: String(upto), rate: (rates[i]! / 10_000).toString() })),
      { upto: null, rate: (rates[4]! / 10_000).toString() },
    ];
  });
const marginal = (tiers: TieredCommission['tiers']): TieredCommission => ({
  id: 'c',
  type: 'tiered_commission',
  base: 'revenue',
  mode: 'marginal',
  tiers,
  accelerators: [],
  cap: null,
  clawback: null,
});

describe('marginal commission properties', () => {
  it('never decreases as the base grows', () => {
    fc.assert(
      fc.property(
        tiersArb,
        fc.integer({ min: -100_000, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (tiers, b, d) => {
          const p = marginal(tiers);
          const low = calculateCommission(p, dec(b).dividedBy(100));
          const high = calculateCommission(p, dec(b + d).dividedBy(100));
          expect(high.unrounded.greaterThanOrEqualTo(low.unrounded)).toBe(true);
          expect(high.amount).toBeGreaterThanOrEqual(low.amount);
        },
      ),
    );
  });

  it('is continuous: one fen more of base adds at most max rate × 0.01 yuan (before rounding)', () => {
    fc.assert(
      fc.property(tiersArb, fc.integer({ min: 0, max: 1_000_000_000 }), (tiers, b) => {
        const p = marginal(tiers);
        const maxRate = tiers.reduce((m, t) => (dec(t.rate).greaterThan(m) ? dec(t.rate) : m), dec(0));
        const step = calculateCommission(p, dec(b + 1).dividedBy(100)).unrounded.minus(
          calculateCommission(p, dec(b).dividedBy(100)).unrounded,
        );
        expect(step.lessThanOrEqualTo(maxRate.times('0.01'))).toBe(true);
        // and at every tier boundary, the commission from below meets the one from above
        for (const t of tiers) {
          if (t.upto === null) continue;
          const at = calculateCommission(p, dec(t.upto)).unrounded;
          const above = calculateCommission(p, dec(t.upto).plus('1e-9')).unrounded;
          expect(above.minus(at).abs().lessThanOrEqualTo(maxRate.times('1e-9'))).toBe(true);
        }
      }),
    );
  });
});
