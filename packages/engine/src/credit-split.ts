/**
 * Split credit (contract §4): a split order credits each rep `amount × share`, rounded to the
 * fen so that the parts sum exactly to the whole — largest remainder on the absolute amount,
 * the sign restored after, ties to the smaller rep_id. Cost and payments are split the same way.
 */
import Decimal from 'decimal.js';
import { type Fen, fen } from './money.ts';

export interface CreditShare {
  readonly repId: string;
  /** An exact decimal string, e.g. `'0.3333'`; the shares of one order sum to 1. */
  readonly share: string;
}

export interface CreditPart {
  readonly repId: string;
  readonly amount: Fen;
}

const ONE = new Decimal(1);

/**
 * Checks a credit list: at least one rep, no rep twice, shares exact decimals in [0, 1]
 * summing to exactly 1. Returns the reason it is invalid, or null when it is valid.
 * @example validateShares([{ repId: 'a', share: '0.5' }, { repId: 'b', share: '0.5' }]) // null
 */
export function validateShares(shares: readonly CreditShare[]): string | null {
  if (shares.length === 0) return 'no credit shares';
  const seen = new Set<string>();
  let sum = new Decimal(0);
  for (const { repId, share } of shares) {
    if (seen.has(repId)) return `rep ${repId} credited twice`;
    seen.add(repId);
    let value: Decimal;
    try {
      value = new Decimal(share);
    } catch {
      return `share is not a decimal: ${share}`;
    }
    if (!value.isFinite() || value.isNegative() || value.greaterThan(ONE))
      return `share out of [0, 1]: ${share}`;
    sum = sum.plus(value);
  }
  return sum.equals(ONE) ? null : `shares sum to ${sum.toString()}, not 1`;
}

/**
 * Splits an amount of fen by exact decimal shares (contract §4). Parts are in the order of
 * `shares` and sum exactly to `amount`. Throws when the shares are invalid ({@link validateShares}).
 * @example splitCredit(fen(100), [{ repId: 'b', share: '0.5' }, { repId: 'a', share: '0.5' }])
 *   // [{ repId: 'b', amount: 50 }, { repId: 'a', amount: 50 }]
 * @example splitCredit(fen(-100), [{ repId: 'a', share: '0.3333' }, { repId: 'b', share: '0.3333' }, { repId: 'c', share: '0.3334' }])
 *   // a −33, b −33, c −34 (the leftover fen goes to the largest remainder, c's .34)
 */
export function splitCredit(amount: Fen, shares: readonly CreditShare[]): CreditPart[] {
  const problem = validateShares(shares);
  if (problem) throw new RangeError(problem);
  if (shares.length === 1) return [{ repId: shares[0]!.repId, amount }];
  const sign = amount < 0 ? -1 : 1;
  const whole = new Decimal(Math.abs(amount));
  const raw = shares.map((s, index) => {
    const exact = whole.times(s.share);
    const floor = exact.floor();
    return { index, repId: s.repId, floor: floor.toNumber(), remainder: exact.minus(floor) };
  });
  let leftover = Math.abs(amount) - raw.reduce((sum, part) => sum + part.floor, 0);
  const byRemainder = [...raw].sort((x, y) => {
    const byValue = y.remainder.comparedTo(x.remainder);
    if (byValue !== 0) return byValue;
    return x.repId < y.repId ? -1 : x.repId > y.repId ? 1 : 0;
  });
  const extra = new Array<number>(shares.length).fill(0);
  for (const part of byRemainder) {
    if (leftover <= 0) break;
    extra[part.index] = 1;
    leftover -= 1;
  }
  // `sign * 0` would give −0; normalise so that parts compare equal to 0.
  return raw.map((part) => ({
    repId: part.repId,
    amount: fen(sign * (part.floor + extra[part.index]!) || 0),
  }));
}
