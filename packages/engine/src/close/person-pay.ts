/**
 * The per-person components of a compensation plan: tiered_commission (contract §6) and
 * fixed_floating_bonus (docs/plans.md). Bonus pools span a unit: close-pools.ts.
 */
import { type Fen, fen, formatMoney } from '../money.ts';
import { Decimal, roundYuanToFen } from '../plan/decimal.ts';
import type { FixedFloatingBonus, TieredCommission } from '../plan/plan-types.ts';
import type { CloseMetrics } from './close-metrics.ts';
import type { PayExplanation } from './close-types.ts';
import { calculateCommission } from './commission.ts';
import type { CreditedEvents } from './credited-events.ts';
import { explained, explainLine } from './explain-lines.ts';
import { isMoneyKey } from './score-person.ts';

export interface ComponentPay {
  readonly amount: Fen;
  readonly explanation: PayExplanation;
}

export function payCommission(
  component: TieredCommission,
  personId: string,
  metrics: CloseMetrics,
  goals: ReadonlyMap<string, number>,
  events: CreditedEvents,
  planId: string,
): ComponentPay {
  const reading = metrics.person(personId, component.base);
  // Tiers are in yuan for money bases: fen / 100, exactly
  const scale = isMoneyKey(component.base) ? 100 : 1;
  const base = reading.exact === null ? null : reading.exact.dividedBy(scale);
  const goalValue = goals.get(component.base);
  const goal = goalValue === undefined ? null : new Decimal(goalValue).dividedBy(scale);
  const result = calculateCommission(component, base, goal);
  const listed = events.of(personId, component.base);
  const head = {
    component: component.id,
    mode: component.mode,
    plan: planId,
    metric: component.base,
    base: base?.toFixed() ?? null,
  };
  const lines = [
    reading.delta
      ? explainLine('commission.head_what_if', { ...head, delta: String(reading.delta / scale) })
      : explainLine('commission.head', head),
    ...result.lines,
  ];
  if (component.accelerators.length > 0 && goal === null) lines.push(explainLine('commission.no_goal', {}));
  return {
    amount: result.amount,
    explanation: {
      component: component.id,
      type: component.type,
      unrounded: result.unrounded.toFixed(),
      amount: formatMoney(result.amount),
      ...explained(lines),
      ...(listed ? { events: listed } : {}),
    },
  };
}

/** Fixed + floating bonus: fixed + floating_base × coefficient of the person's grade, half-up once. */
export function payFixedFloating(component: FixedFloatingBonus, grade: string | null): ComponentPay {
  const coefficient = grade === null ? undefined : component.coefficients[grade];
  const c = new Decimal(coefficient ?? 0);
  const unrounded = new Decimal(component.fixed).plus(new Decimal(component.floatingBase).times(c));
  let amount = roundYuanToFen(unrounded);
  const formula = {
    component: component.id,
    fixed: component.fixed,
    floating: component.floatingBase,
    coefficient: c.toFixed(),
    grade,
    total: unrounded.toFixed(),
  };
  const lines = [
    explainLine(
      coefficient === undefined ? 'bonus.fixed_floating_unlisted' : 'bonus.fixed_floating',
      formula,
    ),
    explainLine('pay.rounded', { amount: formatMoney(amount) }),
  ];
  if (component.cap !== null) {
    const cap = roundYuanToFen(new Decimal(component.cap));
    if (amount > cap) {
      amount = fen(cap);
      lines.push(explainLine('pay.capped', { cap: formatMoney(cap) }));
    }
  }
  return {
    amount,
    explanation: {
      component: component.id,
      type: component.type,
      unrounded: unrounded.toFixed(),
      amount: formatMoney(amount),
      ...explained(lines),
    },
  };
}
