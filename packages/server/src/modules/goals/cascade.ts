/**
 * Pure splitting rules of a cascade (docs/goals.md §Cascade). Amounts are integers of the
 * smallest unit (fen for money, hundredths otherwise), so parts always sum exactly to the whole.
 */

export interface WeightedTarget {
  readonly id: string;
  /** A non-negative integer weight (decimal weights are scaled to integers by the caller). */
  readonly weight: bigint;
}

export interface SplitPart {
  readonly id: string;
  readonly amount: bigint;
}

/**
 * Splits `total` in proportion to the weights by largest remainder (contract §4's rule): each
 * part gets ⌊|total| × w / W⌋, the leftover units go one each to the largest remainders, ties
 * to the smaller id; the sign is restored after. All-zero weights split equally.
 * Parts come back in the order of `targets`; they sum exactly to `total`.
 * @example splitByWeights(1000n, [{ id: 'a', weight: 1n }, { id: 'b', weight: 1n }, { id: 'c', weight: 1n }])
 *   // a 334, b 333, c 333
 */
export function splitByWeights(total: bigint, targets: readonly WeightedTarget[]): SplitPart[] {
  if (targets.length === 0) return [];
  if (targets.some((t) => t.weight < 0n)) throw new RangeError('weights must not be negative');
  const allZero = targets.every((t) => t.weight === 0n);
  const weights = targets.map((t) => (allZero ? 1n : t.weight));
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  const whole = total < 0n ? -total : total;
  const raw = targets.map((t, index) => {
    const exact = whole * (weights[index] as bigint);
    return { index, id: t.id, floor: exact / weightSum, remainder: exact % weightSum };
  });
  let leftover = whole - raw.reduce((sum, part) => sum + part.floor, 0n);
  const byRemainder = [...raw].sort((x, y) => {
    if (x.remainder !== y.remainder) return x.remainder > y.remainder ? -1 : 1;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : x.index - y.index;
  });
  const extra = new Array<bigint>(targets.length).fill(0n);
  for (const part of byRemainder) {
    if (leftover <= 0n) break;
    extra[part.index] = 1n;
    leftover -= 1n;
  }
  const sign = total < 0n ? -1n : 1n;
  return raw.map((part) => ({ id: part.id, amount: sign * (part.floor + (extra[part.index] as bigint)) }));
}

/** Equal parts; the leftover units go to the smallest ids. @example splitEqually(100n, ['b', 'a', 'c']) // b 33, a 34, c 33 */
export function splitEqually(total: bigint, ids: readonly string[]): SplitPart[] {
  return splitByWeights(
    total,
    ids.map((id) => ({ id, weight: 1n })),
  );
}

/**
 * Decimal weights (exact text, ≥ 0) as integers of one common scale.
 * @example scaleWeights(['0.5', '2', '1.25']) // [50n, 200n, 125n]
 */
export function scaleWeights(weights: readonly string[]): bigint[] {
  const parsed = weights.map((text) => {
    const match = /^(\d*)(?:\.(\d*))?$/.exec(text.trim());
    if (!match || `${match[1]}${match[2] ?? ''}` === '') throw new RangeError(`not a weight: ${text}`);
    return { digits: `${match[1]}${match[2] ?? ''}`, scale: (match[2] ?? '').length };
  });
  const scale = Math.max(0, ...parsed.map((p) => p.scale));
  return parsed.map((p) => BigInt(p.digits) * 10n ** BigInt(scale - p.scale));
}

/**
 * Manual values against the parent: their sum and the gap (sum − parent), which the caller
 * reports rather than rejects (a manager may deliberately over-assign).
 * @example manualGap(1000n, [400n, 700n]) // { sum: 1100n, gap: 100n }
 */
export function manualGap(parent: bigint, parts: readonly bigint[]): { sum: bigint; gap: bigint } {
  const sum = parts.reduce((a, b) => a + b, 0n);
  return { sum, gap: sum - parent };
}
