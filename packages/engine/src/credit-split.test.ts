import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CreditShare, splitCredit, validateShares } from './credit-split.ts';
import { fen } from './money.ts';

const shares = (...list: [string, string][]): CreditShare[] =>
  list.map(([repId, share]) => ({ repId, share }));

describe('splitCredit (contract §4)', () => {
  it.each<[string, number, CreditShare[], number[]]>([
    ['whole to one rep', 12345, shares(['a', '1']), [12345]],
    ['even halves', 100, shares(['a', '0.5'], ['b', '0.5']), [50, 50]],
    ['a tie goes to the smaller rep_id', 1, shares(['b', '0.5'], ['a', '0.5']), [0, 1]],
    [
      'three ways, leftover to the largest remainder',
      10001,
      shares(['r1', '0.3333'], ['r2', '0.3333'], ['r3', '0.3334']),
      [3333, 3333, 3335],
    ],
    [
      'three ways, two leftovers',
      100,
      shares(['c', '0.3333'], ['b', '0.3333'], ['a', '0.3334']),
      [33, 33, 34],
    ],
    [
      'tied remainders, smaller ids first',
      2,
      shares(['c', '0.3333'], ['b', '0.3333'], ['a', '0.3334']),
      [0, 1, 1],
    ],
    [
      'a return keeps the sign, largest remainder on the absolute amount',
      -10001,
      shares(['r1', '0.3333'], ['r2', '0.3333'], ['r3', '0.3334']),
      [-3333, -3333, -3335],
    ],
    ['zero', 0, shares(['a', '0.5'], ['b', '0.5']), [0, 0]],
    ['a zero share', 999, shares(['a', '0'], ['b', '1']), [0, 999]],
    [
      'exact decimals, no float error',
      1000,
      shares(['a', '0.1'], ['b', '0.2'], ['c', '0.7']),
      [100, 200, 700],
    ],
  ])('%s', (_, amount, list, expected) => {
    expect(splitCredit(fen(amount), list).map((part) => part.amount)).toEqual(expected);
  });

  it('never gives −0', () => {
    expect(Object.is(splitCredit(fen(-1), shares(['a', '0.5'], ['b', '0.5']))[1]!.amount, -0)).toBe(false);
  });

  it.each([
    [[], 'no credit shares'],
    [shares(['a', '0.5'], ['a', '0.5']), 'rep a credited twice'],
    [shares(['a', '0.5'], ['b', '0.4']), 'shares sum to 0.9, not 1'],
    [shares(['a', 'x'], ['b', '1']), 'share is not a decimal: x'],
    [shares(['a', '-0.5'], ['b', '1.5']), 'share out of [0, 1]: -0.5'],
  ])('rejects %o', (list, reason) => {
    expect(validateShares(list)).toBe(reason);
    expect(() => splitCredit(fen(100), list)).toThrow(reason);
  });

  it('sums exactly to the whole, each part within a fen of amount × share', () => {
    const shareList = fc
      .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 6 })
      .filter((weights) => weights.some((w) => w > 0))
      .map((weights) => {
        // Exact decimal shares summing to 1: weights / 10^4 with the rounding put on the last.
        const total = weights.reduce((a, b) => a + b, 0);
        const parts = weights.map((w) => new Decimal(w).div(total).toDecimalPlaces(6, Decimal.ROUND_DOWN));
        const rest = new Decimal(1).minus(parts.slice(0, -1).reduce((a, b) => a.plus(b), new Decimal(0)));
        return [...parts.slice(0, -1), rest].map((share, i) => ({ repId: `r${i}`, share: share.toString() }));
      });
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), shareList, (amount, list) => {
        const parts = splitCredit(fen(amount), list);
        expect(parts.reduce((sum, part) => sum + part.amount, 0)).toBe(amount);
        parts.forEach((part, i) => {
          const exact = new Decimal(amount).times(list[i]!.share);
          expect(exact.minus(part.amount).abs().lessThan(1)).toBe(true);
        });
      }),
    );
  });
});
