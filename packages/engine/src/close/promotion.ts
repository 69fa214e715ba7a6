/**
 * Promotion eligibility of contract §6: attainment ≥ min_attainment in each of the last N fiscal
 * quarters ending with the quarter that contains the period's end; a quarter without a (nonzero)
 * goal or without a value makes the person not eligible.
 */
import { previousPeriod } from '../period-navigation.ts';
import { type Period, parsePeriod } from '../periods.ts';
import type { Promotion } from '../plan/plan-types.ts';
import type { CloseMetrics } from './close-metrics.ts';
import type { GoalsOf } from './close-types.ts';
import { type ExplainLine, explainLine } from './explain-lines.ts';
import { canonicalGoals } from './score-person.ts';
import { fmt } from './scoring.ts';

/**
 * The fiscal quarter containing a date.
 * @example quarterContaining('2026-05-10', 4).key // '2026-Q1' (fiscal year from April)
 */
export function quarterContaining(date: string, fiscalYearStart: number): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const offset = (month - fiscalYearStart + 12) % 12;
  const fiscalYear = month >= fiscalYearStart ? year : year - 1;
  return parsePeriod(`${fiscalYear}-Q${Math.floor(offset / 3) + 1}`, fiscalYearStart)!;
}

/** The last N fiscal quarters, oldest first, ending with the one containing `date`. */
export function lastQuarters(date: string, n: number, fiscalYearStart: number): Period[] {
  const quarters = [quarterContaining(date, fiscalYearStart)];
  while (quarters.length < n) quarters.unshift(previousPeriod(quarters[0]!, fiscalYearStart));
  return quarters;
}

export function promotionEligible(
  promotion: Promotion,
  personId: string,
  quarters: readonly Period[],
  metrics: CloseMetrics,
  goalsOf: GoalsOf,
): { eligible: boolean; lines: ExplainLine[] } {
  const lines: ExplainLine[] = [];
  let eligible = true;
  for (const quarter of quarters) {
    const goal = canonicalGoals(goalsOf(personId, quarter.key)).get(promotion.metric);
    const actual = metrics.person(personId, promotion.metric, quarter).exact;
    if (goal === undefined || goal === 0 || actual === null) {
      eligible = false;
      lines.push(
        explainLine(goal === undefined || goal === 0 ? 'promotion.no_goal' : 'promotion.no_value', {
          quarter: quarter.key,
        }),
      );
      continue;
    }
    const attainment = actual.dividedBy(goal);
    const ok = attainment.greaterThanOrEqualTo(promotion.minAttainment);
    if (!ok) eligible = false;
    lines.push(
      explainLine(ok ? 'promotion.quarter_met' : 'promotion.quarter_missed', {
        quarter: quarter.key,
        attainment: fmt(attainment),
        min: promotion.minAttainment,
      }),
    );
  }
  lines.push(
    explainLine(eligible ? 'promotion.eligible' : 'promotion.not_eligible', {
      metric: promotion.metric,
      min: promotion.minAttainment,
      quarters: promotion.consecutiveQuarters,
    }),
  );
  return { eligible, lines };
}
