/**
 * Scoring of contract §6: items (linear, ladder, lower_is_better), weighted group and total
 * scores, grades. Scores are exact decimals here and JSON numbers (unrounded) in the output.
 */
import { Decimal } from '../plan/decimal.ts';
import type { Grade, Scoring } from '../plan/plan-types.ts';
import type { ItemFlag } from './close-types.ts';
import { type ExplainLine, explainLine } from './explain-lines.ts';

export interface ItemScore {
  readonly score: Decimal;
  /** a of §6, null when the item is flagged. */
  readonly a: Decimal | null;
  readonly flag?: ItemFlag;
  readonly line: ExplainLine;
}

const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);

/**
 * Scores one item from its actual and goal (same unit).
 * @example scoreItem({ type: 'linear', cap: '1.2', floor: '0.6' }, dec(130), dec(100)).score // 120
 * @example scoreItem({ type: 'linear', cap: null, floor: '0' }, null, dec(100)).flag // 'no_actual'
 */
export function scoreItem(scoring: Scoring, actual: Decimal | null, goal: Decimal | null): ItemScore {
  // contract §6: null actual → no_actual; else null or zero goal → no_goal; both score 0
  if (actual === null)
    return { score: ZERO, a: null, flag: 'no_actual', line: explainLine('item.no_actual', {}) };
  if (goal === null || goal.isZero())
    return { score: ZERO, a: null, flag: 'no_goal', line: explainLine('item.no_goal', {}) };
  if (scoring.type === 'ladder') {
    const a = actual.dividedBy(goal);
    let score = ZERO;
    let band: readonly [string, string] | null = null;
    for (const [threshold, bandScore] of scoring.bands) {
      if (a.greaterThanOrEqualTo(threshold)) {
        score = new Decimal(bandScore);
        band = [threshold, bandScore];
      }
    }
    const parts = { actual: fmt(actual), goal: fmt(goal), a: fmt(a), score: fmt(score) };
    return {
      score,
      a,
      line:
        band === null
          ? explainLine('item.ladder_below', parts)
          : explainLine('item.ladder', { ...parts, threshold: band[0], band: band[1] }),
    };
  }
  const type = scoring.type;
  let a: Decimal;
  // the ratio a = num / den of contract §6; null when the actual is 0 (lower_is_better)
  let ratio: { num: string; den: string } | null;
  if (scoring.type === 'lower_is_better') {
    // contract §6: a = goal / actual, a = cap when the actual is 0 (no cap: 1, at least the floor — docs/plans.md)
    if (actual.isZero()) {
      a = scoring.cap !== null ? new Decimal(scoring.cap) : Decimal.max(1, scoring.floor);
      ratio = null;
    } else {
      a = goal.dividedBy(actual);
      ratio = { num: fmt(goal), den: fmt(actual) };
    }
  } else {
    a = actual.dividedBy(goal);
    ratio = { num: fmt(actual), den: fmt(goal) };
  }
  if (a.lessThan(scoring.floor)) {
    // only a real ratio lies below the floor: a zero actual gives a ≥ floor
    const parts = ratio ?? { num: '0', den: '0' };
    return {
      score: ZERO,
      a,
      line: explainLine('item.below_floor', { type, ...parts, a: fmt(a), floor: scoring.floor }),
    };
  }
  const capped = scoring.cap !== null && a.greaterThan(scoring.cap) ? new Decimal(scoring.cap) : a;
  const score = HUNDRED.times(capped);
  const parts = { type, a: fmt(a), score: fmt(score) };
  const line =
    ratio === null
      ? explainLine('item.zero_actual', parts)
      : capped === a
        ? explainLine('item.ratio', { ...parts, ...ratio })
        : explainLine('item.ratio_capped', { ...parts, ...ratio, cap: scoring.cap! });
  return { score, a, line };
}

/**
 * Σ(weight × score) / Σ weight (contract §6 group and total scores).
 * @example weightedScore([{ weight: '60', score: dec(100) }, { weight: '40', score: dec(50) }]) // 80
 */
export function weightedScore(
  parts: readonly { readonly weight: string; readonly score: Decimal }[],
): Decimal {
  let total = ZERO;
  let weights = ZERO;
  for (const part of parts) {
    total = total.plus(part.score.times(part.weight));
    weights = weights.plus(part.weight);
  }
  return weights.isZero() ? ZERO : total.dividedBy(weights);
}

/**
 * The highest grade whose lowest score ≤ total; null when the total is below every grade.
 * @example gradeOf([{ name: 'A', min: '90' }, { name: 'B', min: '60' }], dec(75)) // 'B'
 */
export function gradeOf(grades: readonly Grade[], total: Decimal): string | null {
  let best: Grade | null = null;
  for (const grade of grades) {
    if (
      total.greaterThanOrEqualTo(grade.min) &&
      (best === null || new Decimal(grade.min).greaterThan(best.min))
    )
      best = grade;
  }
  return best?.name ?? null;
}

/** A decimal for explanation lines: at most 6 fraction digits. */
export function fmt(value: Decimal): string {
  return value.toDecimalPlaces(6).toFixed();
}
