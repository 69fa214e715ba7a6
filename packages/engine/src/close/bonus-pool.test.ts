import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen } from '../money.ts';
import { dec } from '../plan/decimal.ts';
import { allocatePool, type PoolCandidate, splitLargestRemainder } from './bonus-pool.ts';

const c = (id: string, score: number, revenue = 0): PoolCandidate => ({ id, score: dec(score), revenue });
const amounts = (result: ReturnType<typeof allocatePool>) =>
  Object.fromEntries(result.allocations.map((a) => [a.id, a.amount]));

describe('bonus pool allocation (contract §6)', () => {
  it('5% team pool: the champion takes 30%, the rest by score', () => {
    // team revenue ¥2,000,000 → pool ¥100,000.00
    const result = allocatePool(fen(10_000_000), ['0.30'], 'by_score', [c('b', 90), c('a', 120), c('c', 60)]);
    expect(amounts(result)).toEqual({ a: 3_000_000, b: 4_200_000, c: 2_800_000 });
    expect(result.allocations.map((x) => [x.id, x.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(result.unallocated).toBe(0);
  });

  it('ties on score: higher revenue first, then id', () => {
    const result = allocatePool(fen(1000), ['0.5'], 'equal', [
      c('z', 80, 10),
      c('y', 80, 20),
      c('x', 80, 20),
    ]);
    expect(result.allocations.map((a) => a.id)).toEqual(['x', 'y', 'z']);
    expect(amounts(result)).toEqual({ x: 500, y: 250, z: 250 });
  });

  it('rest equal and largest remainder ties go by rank', () => {
    const result = allocatePool(fen(100), [], 'equal', [c('c', 70), c('a', 90), c('b', 80)]);
    expect(amounts(result)).toEqual({ a: 34, b: 33, c: 33 });
  });

  it('rest by score falls back to equal when the scores sum to 0', () => {
    const result = allocatePool(fen(101), [], 'by_score', [c('a', 0), c('b', 0)]);
    expect(amounts(result)).toEqual({ a: 51, b: 50 });
  });

  it('a share rounds half-up to the fen', () => {
    // pool 0.05 yuan × 0.3 = 1.5 fen → 2 fen; the other gets the remaining 3
    expect(amounts(allocatePool(fen(5), ['0.3'], 'by_score', [c('a', 90), c('b', 80)]))).toEqual({
      a: 2,
      b: 3,
    });
  });

  it('with nobody left for it, the remainder stays unallocated', () => {
    const result = allocatePool(fen(10_000), ['0.3', '0.2'], 'by_score', [c('a', 90)]);
    expect(amounts(result)).toEqual({ a: 3000 });
    expect(result.unallocated).toBe(7000);
    expect(allocatePool(fen(10_000), ['0.3'], 'by_score', []).unallocated).toBe(10_000);
  });

  it('splitLargestRemainder keeps the sign and sums exactly', () => {
    expect(splitLargestRemainder(-100, [dec(1), dec(1), dec(1)])).toEqual([-34, -33, -33]);
    expect(splitLargestRemainder(10, [dec(1), dec(2)])).toEqual([3, 7]);
  });
});

describe('bonus pool properties', () => {
  const candidates = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      score: fc.integer({ min: 0, max: 15000 }),
      revenue: fc.integer({ min: -1000, max: 1000 }),
    }),
    { selector: (x) => x.id, maxLength: 12 },
  );
  const shares = fc
    .array(fc.integer({ min: 0, max: 40 }), { maxLength: 3 })
    .map((xs) => xs.map((x) => (x / 100).toFixed(2)));

  it('allocations always sum to the pool (minus the unallocated remainder when nobody is left)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        shares,
        candidates,
        fc.boolean(),
        (pool, s, cs, equal) => {
          const people = cs.map((x) => c(x.id, x.score / 100, x.revenue));
          const result = allocatePool(fen(pool), s, equal ? 'equal' : 'by_score', people);
          const sum = result.allocations.reduce((t, a) => t + a.amount, 0);
          expect(sum + result.unallocated).toBe(pool);
          if (people.length > s.length) expect(result.unallocated).toBe(0);
          for (const a of result.allocations) expect(Number.isInteger(a.amount)).toBe(true);
        },
      ),
    );
  });

  it('does not depend on the order of the candidates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), shares, candidates, (pool, s, cs) => {
        const people = cs.map((x) => c(x.id, x.score / 100, x.revenue));
        const forward = allocatePool(fen(pool), s, 'by_score', people);
        const backward = allocatePool(fen(pool), s, 'by_score', [...people].reverse());
        expect(backward).toEqual(forward);
      }),
    );
  });
});
