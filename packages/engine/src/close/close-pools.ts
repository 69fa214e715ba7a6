/**
 * Bonus pools of a close (contract §6): for each component and each unit of its unit_kind,
 * pool = rate × the unit's base, rounded half-up (negative → empty); eligible are the people of
 * the plan whose unit on min(end, A) lies in the unit, with a score ≥ min_score.
 */
import { type Fen, fen, formatMoney } from '../money.ts';
import { Decimal, roundFen } from '../plan/decimal.ts';
import type { BonusPool, CompensationPlan } from '../plan/plan-types.ts';
import { allocatePool, type PoolCandidate } from './bonus-pool.ts';
import type { CloseMetrics } from './close-metrics.ts';
import type { CloseOrg, PersonOfClose } from './close-people.ts';
import type { PoolExplanation } from './close-types.ts';
import { type ExplainLine, explained, explainLine, poolShareLine } from './explain-lines.ts';
import { isMoneyKey, metricJson } from './score-person.ts';

export interface PoolShare {
  readonly amount: Fen;
  readonly lines: ExplainLine[];
}

/** Key of one person's share of one component: `${plan}\u0000${component}\u0000${person}`. */
export const poolShareKey = (plan: string, component: string, person: string) =>
  `${plan}\u0000${component}\u0000${person}`;

/** One pool to allocate: a bonus pool component of a plan, in one unit of its unit_kind. */
export interface PoolWork {
  readonly planId: string;
  readonly component: BonusPool;
  readonly unitId: string;
  /** The people of the plan whose unit on min(end, A) lies in the unit. */
  readonly inUnit: readonly PersonOfClose[];
}

/** The pools of a close: per plan and component, each unit of the kind with people of the plan (units by id). */
export function listPools(people: readonly PersonOfClose[], org: CloseOrg): PoolWork[] {
  const work: PoolWork[] = [];
  const plans = new Map<string, CompensationPlan>();
  for (const p of people) if (p.compensation) plans.set(p.compensation.id, p.compensation);
  for (const plan of plans.values()) {
    const members = people.filter((p) => p.compensation?.id === plan.id);
    for (const component of plan.components) {
      if (component.type !== 'bonus_pool') continue;
      for (const unitId of org.unitsOfKind(component.unitKind)) {
        const inUnit = members.filter((p) => org.contains(unitId, p.unitId));
        if (inUnit.length > 0) work.push({ planId: plan.id, component, unitId, inUnit });
      }
    }
  }
  return work;
}

/**
 * Allocates one pool; adds each person's share (amount and lines) to `shares`, by
 * {@link poolShareKey} (a person inside nested units of the kind gets a share of each).
 */
export function poolOf(
  work: PoolWork,
  scores: ReadonlyMap<string, Decimal>,
  revenue: (personId: string) => number,
  metrics: CloseMetrics,
  shares: Map<string, PoolShare>,
): PoolExplanation {
  return allocateUnit(
    work.planId,
    work.component,
    work.unitId,
    work.inUnit,
    scores,
    revenue,
    metrics,
    shares,
  );
}

function allocateUnit(
  planId: string,
  component: BonusPool,
  unitId: string,
  inUnit: readonly PersonOfClose[],
  scores: ReadonlyMap<string, Decimal>,
  revenue: (personId: string) => number,
  metrics: CloseMetrics,
  shares: Map<string, PoolShare>,
): PoolExplanation {
  const reading = metrics.unit(unitId, component.base);
  const base = reading.exact;
  // contract §6: pool = rate × base, rounded half-up to the fen; a negative base gives an empty pool
  // a money base is in fen; any other base counts yuan per unit
  const scale = isMoneyKey(component.base) ? 1 : 100;
  const pool =
    base === null || base.isNegative() ? fen(0) : roundFen(base.times(component.rate).times(scale));
  const shownBase = metricJson(component.base, reading.value);
  const poolLine = {
    component: component.id,
    unit: unitId,
    rate: component.rate,
    metric: component.base,
    base: shownBase === null ? null : String(shownBase),
    money: isMoneyKey(component.base),
    pool: formatMoney(pool),
  };
  const lines: ExplainLine[] = [
    explainLine(base?.isNegative() ? 'pool.base_negative' : 'pool.base', poolLine),
  ];
  const candidates: PoolCandidate[] = [];
  for (const p of inUnit) {
    const score = scores.get(p.person.id);
    if (score === undefined) {
      lines.push(explainLine('pool.no_scorecard_member', { person: p.person.id }));
    } else if (component.minScore !== null && score.lessThan(component.minScore)) {
      lines.push(
        explainLine('pool.below_min_score', {
          person: p.person.id,
          score: score.toDecimalPlaces(6).toFixed(),
          min: component.minScore,
        }),
      );
    } else {
      candidates.push({ id: p.person.id, score, revenue: revenue(p.person.id) });
    }
  }
  const result = allocatePool(pool, component.shares, component.rest, candidates);
  let unallocated: number = result.unallocated;
  const allocations = result.allocations.map((a) => {
    let amount: number = a.amount;
    const extra: ExplainLine[] = [];
    if (component.cap !== null) {
      const cap = roundFen(new Decimal(component.cap).times(100));
      if (amount > cap) {
        extra.push(explainLine('pool.share_capped', { cap: formatMoney(cap) }));
        unallocated += amount - cap;
        amount = cap;
      }
    }
    const key = poolShareKey(planId, component.id, a.id);
    const before = shares.get(key);
    shares.set(key, {
      amount: fen((before?.amount ?? 0) + amount),
      lines: [
        ...(before?.lines ?? []),
        ...lines.slice(0, 1),
        poolShareLine(unitId, a.basis, formatMoney(fen(amount))),
        ...extra,
      ],
    });
    return { person: a.id, rank: a.rank, amount: formatMoney(fen(amount)), how: a.how };
  });
  if (unallocated !== 0)
    lines.push(explainLine('pool.unallocated', { amount: formatMoney(fen(unallocated)) }));
  return {
    plan: planId,
    component: component.id,
    unit: unitId,
    base: reading.value,
    pool: formatMoney(pool),
    unallocated: formatMoney(fen(unallocated)),
    allocations,
    ...explained(lines),
  };
}
