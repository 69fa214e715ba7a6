/**
 * Tiered commission of contract §6 (marginal 超额累进, retroactive 全额累进) and the optional parts
 * of docs/plans.md: accelerators above a share of the goal, a cap, clawback on a negative base.
 * The amount is rounded half-up to the fen once, at the end.
 */
import { type Fen, fen, formatMoney } from '../money.ts';
import { Decimal, roundYuanToFen } from '../plan/decimal.ts';
import type { TieredCommission } from '../plan/plan-types.ts';
import { type ExplainLine, explainLine } from './explain-lines.ts';
import { fmt } from './scoring.ts';

export interface CommissionSlice {
  readonly from: string;
  readonly to: string;
  readonly rate: string;
  readonly multiplier: string;
  /** rate × multiplier × (to − from), yuan, unrounded. */
  readonly amount: string;
}

export interface CommissionResult {
  readonly amount: Fen;
  /** Yuan before rounding (and before the cap). */
  readonly unrounded: Decimal;
  readonly slices: readonly CommissionSlice[];
  readonly lines: readonly ExplainLine[];
}

const ZERO = new Decimal(0);

/** Index of the tier a base reaches: the first whose upto ≥ base (a tier covers up to and including its upto). */
function tierIndexOf(component: TieredCommission, base: Decimal): number {
  const i = component.tiers.findIndex((t) => t.upto !== null && base.lessThanOrEqualTo(t.upto));
  return i < 0 ? component.tiers.length - 1 : i;
}

/** Accelerator points (above × goal) with their multipliers, ascending; none without a positive goal. */
function accelerationPoints(component: TieredCommission, goal: Decimal | null) {
  if (goal === null || !goal.greaterThan(0)) return [];
  return component.accelerators.map((acc) => ({
    at: goal.times(acc.above),
    multiplier: new Decimal(acc.multiplier),
  }));
}

/**
 * Commission on a base (yuan for money metrics, the metric's unit otherwise; `goal` the base
 * metric's goal in the same unit, used only by accelerators).
 * @example calculateCommission(marginal, dec(3_500_000), null).amount // 5_000_000 fen (10,000 + 30,000 + 10,000)
 * @example calculateCommission(retroactive, dec(3_500_000), null).amount // 7_000_000 fen (2% × 3,500,000)
 */
export function calculateCommission(
  component: TieredCommission,
  base: Decimal | null,
  goal: Decimal | null = null,
): CommissionResult {
  const lines: ExplainLine[] = [];
  if (base === null)
    return { amount: fen(0), unrounded: ZERO, slices: [], lines: [explainLine('commission.no_base', {})] };
  if (base.isNegative()) {
    if (component.clawback === null)
      return {
        amount: fen(0),
        unrounded: ZERO,
        slices: [],
        lines: [explainLine('commission.negative_base', { base: base.toFixed() })],
      };
    // docs/plans.md clawback: the unmatched returns are clawed back at the first tier's rate (or the given rate)
    const rate = new Decimal(component.clawback.rate ?? component.tiers[0]!.rate);
    const unrounded = rate.times(base);
    const amount = roundYuanToFen(unrounded);
    lines.push(
      explainLine('commission.clawback', {
        base: base.toFixed(),
        rate: rate.toFixed(),
        amount: unrounded.toFixed(),
      }),
    );
    lines.push(explainLine('pay.rounded', { amount: formatMoney(amount) }));
    return { amount, unrounded, slices: [], lines };
  }
  // Breakpoints: tier bounds (marginal only) and accelerator points, inside (0, base)
  const points = accelerationPoints(component, goal);
  const cuts = new Set<string>();
  if (component.mode === 'marginal') for (const t of component.tiers) if (t.upto !== null) cuts.add(t.upto);
  for (const p of points) cuts.add(p.at.toFixed());
  const bounds = [...cuts].map((c) => new Decimal(c)).filter((c) => c.greaterThan(0) && c.lessThan(base));
  bounds.sort((x, y) => x.comparedTo(y));
  const edges = [ZERO, ...bounds, base];
  const reached = component.tiers[tierIndexOf(component, base)]!;
  if (component.mode === 'retroactive')
    lines.push(
      reached.upto === null
        ? explainLine('commission.retroactive_top', { base: base.toFixed(), rate: reached.rate })
        : explainLine('commission.retroactive', {
            base: base.toFixed(),
            upto: reached.upto,
            rate: reached.rate,
          }),
    );
  const slices: CommissionSlice[] = [];
  let total = ZERO;
  for (let i = 0; i + 1 < edges.length; i++) {
    const [lo, hi] = [edges[i]!, edges[i + 1]!];
    if (!hi.greaterThan(lo)) continue;
    // A slice (lo, hi] lies in the tier of hi; its multiplier is that of the highest point ≤ lo
    const rate = new Decimal(
      component.mode === 'marginal' ? component.tiers[tierIndexOf(component, hi)]!.rate : reached.rate,
    );
    let multiplier = new Decimal(1);
    for (const p of points) if (p.at.lessThanOrEqualTo(lo)) multiplier = p.multiplier;
    const amount = rate.times(multiplier).times(hi.minus(lo));
    total = total.plus(amount);
    slices.push({
      from: lo.toFixed(),
      to: hi.toFixed(),
      rate: rate.toFixed(),
      multiplier: multiplier.toFixed(),
      amount: amount.toFixed(),
    });
    const slice = {
      from: lo.toFixed(),
      to: hi.toFixed(),
      rate: rate.toFixed(),
      width: hi.minus(lo).toFixed(),
      amount: fmt(amount),
    };
    lines.push(
      multiplier.equals(1)
        ? explainLine('commission.slice', slice)
        : explainLine('commission.slice_accelerated', { ...slice, multiplier: multiplier.toFixed() }),
    );
  }
  if (points.length > 0)
    lines.push(
      explainLine('commission.accelerators', {
        points: points.map((p) => `${p.at.toFixed()} (×${p.multiplier.toFixed()})`).join(', '),
        goal: goal!.toFixed(),
      }),
    );
  let amount = roundYuanToFen(total);
  lines.push(explainLine('commission.total', { total: total.toFixed(), amount: formatMoney(amount) }));
  if (component.cap !== null) {
    const cap = roundYuanToFen(new Decimal(component.cap));
    if (amount > cap) {
      lines.push(explainLine('pay.capped', { cap: formatMoney(cap) }));
      amount = cap;
    }
  }
  return { amount, unrounded: total, slices, lines };
}
