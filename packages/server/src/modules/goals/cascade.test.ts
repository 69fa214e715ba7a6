import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manualGap, scaleWeights, splitByWeights, splitEqually } from './cascade.ts';
import { monthKeysOf } from './cascade-targets.ts';

const amounts = (parts: { amount: bigint }[]) => parts.map((p) => p.amount);

describe('splitByWeights (largest remainder in fen)', () => {
  it.each([
    { total: 1000n, weights: [1n, 1n, 1n], expected: [334n, 333n, 333n] },
    { total: 100n, weights: [1n, 2n, 1n], expected: [25n, 50n, 25n] },
    { total: 1n, weights: [1n, 1n], expected: [1n, 0n] },
    { total: 10n, weights: [0n, 0n], expected: [5n, 5n] },
    { total: 10n, weights: [3n, 0n], expected: [10n, 0n] },
    { total: -1000n, weights: [1n, 1n, 1n], expected: [-334n, -333n, -333n] },
    { total: 0n, weights: [5n, 7n], expected: [0n, 0n] },
  ])('splits $total by $weights', ({ total, weights, expected }) => {
    const targets = weights.map((weight, i) => ({ id: `c${i}`, weight }));
    expect(amounts(splitByWeights(total, targets))).toEqual(expected);
  });

  it('gives the leftover to the largest remainder, ties to the smaller id, in input order', () => {
    // 100 / 3 = 33.33…: one leftover fen, all remainders equal → smallest id 'a' gets it.
    expect(splitEqually(100n, ['b', 'a', 'c'])).toEqual([
      { id: 'b', amount: 33n },
      { id: 'a', amount: 34n },
      { id: 'c', amount: 33n },
    ]);
    // 10 by 1:2 → 3.33 and 6.67: the 0.67 remainder wins over 0.33.
    expect(
      amounts(
        splitByWeights(10n, [
          { id: 'a', weight: 1n },
          { id: 'b', weight: 2n },
        ]),
      ),
    ).toEqual([3n, 7n]);
  });

  it('rejects negative weights', () => {
    expect(() => splitByWeights(10n, [{ id: 'a', weight: -1n }])).toThrow(RangeError);
  });

  const targetsArb = fc
    .uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 })
    .chain((ids) =>
      fc.tuple(
        fc.constant(ids),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: ids.length, maxLength: ids.length }),
      ),
    );

  it('parts sum exactly to the parent for any parent and weights (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), targetsArb, (total, [ids, weights]) => {
        const parts = splitByWeights(
          total,
          ids.map((id, i) => ({ id, weight: weights[i] as bigint })),
        );
        expect(parts.reduce((sum, p) => sum + p.amount, 0n)).toBe(total);
        expect(parts.map((p) => p.id)).toEqual(ids);
      }),
    );
  });

  it('is deterministic and independent of input order, each part within 1 fen of its exact share (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), targetsArb, (total, [ids, weights]) => {
        const targets = ids.map((id, i) => ({ id, weight: weights[i] as bigint }));
        const byId = (parts: { id: string; amount: bigint }[]) => new Map(parts.map((p) => [p.id, p.amount]));
        const forward = byId(splitByWeights(total, targets));
        expect(byId(splitByWeights(total, [...targets].reverse()))).toEqual(forward);
        const weightSum = targets.reduce((s, t) => s + t.weight, 0n);
        for (const t of targets) {
          const weight = weightSum === 0n ? 1n : t.weight;
          const sum = weightSum === 0n ? BigInt(targets.length) : weightSum;
          const floor = (total * weight) / sum;
          const amount = forward.get(t.id) as bigint;
          expect(amount === floor || amount === floor + 1n).toBe(true);
        }
      }),
    );
  });
});

describe('weights and manual values', () => {
  it('scales decimal weights to one integer scale', () => {
    expect(scaleWeights(['0.5', '2', '1.25'])).toEqual([50n, 200n, 125n]);
    expect(() => scaleWeights(['-1'])).toThrow(RangeError);
  });

  it('reports the gap of manual values to the parent', () => {
    expect(manualGap(1000n, [400n, 700n])).toEqual({ sum: 1100n, gap: 100n });
  });

  it('lists the months of a year, half or quarter', () => {
    expect(monthKeysOf({ start: '2026-04-01', end: '2026-06-30' })).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(monthKeysOf({ start: '2026-01-01', end: '2026-12-31' })).toHaveLength(12);
  });
});
