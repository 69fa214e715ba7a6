/**
 * Bonus pool allocation of contract §6: ranked shares to the top, the remainder split by score
 * (or equally) in fen by largest remainder so that the amounts sum exactly to it; with nobody
 * left for it the remainder stays unallocated.
 */
import { type Fen, fen } from '../money.ts';
import { Decimal, type DecimalText, roundFen } from '../plan/decimal.ts';
import { describePoolBasis, type PoolBasis } from './explain-lines.ts';

export interface PoolCandidate {
  readonly id: string;
  readonly score: Decimal;
  /** Revenue in fen: the first tie-break (higher first), then id ascending. */
  readonly revenue: number;
}

export interface PoolAllocation {
  readonly id: string;
  /** 1-based rank among the eligible. */
  readonly rank: number;
  readonly amount: Fen;
  /** How the amount was found, and the same as a sentence. */
  readonly basis: PoolBasis;
  readonly how: string;
}

export interface PoolResult {
  readonly allocations: readonly PoolAllocation[];
  readonly unallocated: Fen;
}

/** Contract §6 ranking: score descending, then higher revenue, then id ascending. */
export function compareByScore(a: PoolCandidate, b: PoolCandidate): number {
  const byScore = b.score.comparedTo(a.score);
  if (byScore !== 0) return byScore;
  if (a.revenue !== b.revenue) return b.revenue - a.revenue;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Splits `total` fen in proportion to `weights` (all ≥ 0, not all 0) by largest remainder; ties of
 * remainder go to the earlier index. The parts sum exactly to total (the sign restored after).
 * @example splitLargestRemainder(100, [dec(1), dec(1), dec(1)]) // [34, 33, 33]
 */
export function splitLargestRemainder(total: number, weights: readonly Decimal[]): Fen[] {
  const sum = weights.reduce((s, w) => s.plus(w), new Decimal(0));
  const abs = Math.abs(total);
  const quotas = weights.map((w) => new Decimal(abs).times(w).dividedBy(sum));
  const parts = quotas.map((q) => q.floor().toNumber());
  let left = abs - parts.reduce((s, p) => s + p, 0);
  const order = quotas
    .map((q, i) => ({ i, frac: q.minus(q.floor()) }))
    .sort((x, y) => y.frac.comparedTo(x.frac) || x.i - y.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = parts[i]! + 1;
    left--;
  }
  return parts.map((p) => fen(total < 0 ? -p : p));
}

/**
 * Allocates a pool among its eligible people (already filtered by unit and min_score).
 * @example allocatePool(fen(100_000_00), ['0.3'], 'by_score', candidates)
 *   // rank 1 gets 30,000.00; 70,000.00 split by score among the others
 */
export function allocatePool(
  pool: Fen,
  shares: readonly DecimalText[],
  rest: 'by_score' | 'equal',
  candidates: readonly PoolCandidate[],
): PoolResult {
  const ranked = [...candidates].sort(compareByScore);
  const allocations: PoolAllocation[] = [];
  let remainder: number = pool;
  ranked.forEach((c, k) => {
    if (k >= shares.length) return;
    const amount = roundFen(new Decimal(pool).times(shares[k]!));
    remainder -= amount;
    const basis: PoolBasis = { kind: 'rank', rank: k + 1, share: shares[k]! };
    allocations.push({ id: c.id, rank: k + 1, amount, basis, how: describePoolBasis(basis) });
  });
  const others = ranked.slice(shares.length);
  if (others.length === 0) return { allocations, unallocated: fen(remainder) };
  const scoreSum = others.reduce((s, c) => s.plus(c.score), new Decimal(0));
  const byScore = rest === 'by_score' && scoreSum.greaterThan(0);
  const weights = others.map((c) => (byScore ? c.score : new Decimal(1)));
  const parts = splitLargestRemainder(remainder, weights);
  others.forEach((c, i) => {
    const basis: PoolBasis = byScore
      ? {
          kind: 'by_score',
          score: c.score.toDecimalPlaces(6).toFixed(),
          sum: scoreSum.toDecimalPlaces(6).toFixed(),
        }
      : { kind: rest === 'by_score' ? 'equal_zero' : 'equal', count: others.length };
    allocations.push({
      id: c.id,
      rank: shares.length + i + 1,
      amount: parts[i]!,
      basis,
      how: describePoolBasis(basis),
    });
  });
  return { allocations, unallocated: fen(0) };
}
