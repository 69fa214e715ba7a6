/**
 * Goals (目标) for the current year: revenue and collected (回款) targets per rep per month,
 * set from what management expects of each rep (skill regressed to the mean, ramp-up, season,
 * growth, plus 5% ambition), rolled up exactly: months → quarters → year, reps → team → region
 * → company (a rep's month counts for the team they are in on the 1st). Plus visits goals for
 * reps and teams and a few filtered goals. 保底 (floor) is 80% of the target, 挑战 (stretch) 120%.
 */
import { type Month, monthOf } from './calendar.ts';
import { PRODUCT_LINES } from './catalog.ts';
import { expectedOrders, type Sale } from './orders.ts';
import { COMPANY_ID, isEmployed, type Org, type Rep, rampOf, teamOn } from './org.ts';
import type { GoalRecord } from './types.ts';

const AMBITION = 1.05;
const COLLECTION_TARGET = 0.9;
const VISITS_PER_MONTH = 5;

type Metric = 'revenue' | 'collected' | 'visits';
type Filter = Pick<GoalRecord, 'product_line' | 'customer_type' | 'region'>;
const NO_FILTER: Filter = { product_line: '', customer_type: '', region: '' };

/** Σ per scope and period, in whole yuan (or visits). */
class Targets {
  private readonly values = new Map<string, Map<string, number>>();
  add(scope: string, period: string, value: number): void {
    let periods = this.values.get(scope);
    if (!periods) {
      periods = new Map();
      this.values.set(scope, periods);
    }
    periods.set(period, (periods.get(period) ?? 0) + value);
  }
  get(scope: string, period: string): number | undefined {
    return this.values.get(scope)?.get(period);
  }
  *entries(): Generator<[string, string, number]> {
    for (const [scope, periods] of this.values)
      for (const [period, value] of periods) yield [scope, period, value];
  }
}

const monthPeriod = (m: Month) => `${m.year}-${String(m.month).padStart(2, '0')}`;
const quarterPeriod = (m: Month) => `${m.year}-Q${Math.ceil(m.month / 3)}`;
const roundTo = (value: number, step: number) => Math.round(value / step) * step;

export function generateGoals(
  org: Org,
  sales: readonly Sale[],
  year: number,
  firstDay: number,
): GoalRecord[] {
  const averageOrder =
    sales.length > 0 ? sales.reduce((sum, s) => sum + s.amount, 0) / sales.length / 100 : 30_000;
  const months = Array.from({ length: 12 }, (_, i) => monthOf(year, i + 1));
  const targets: Record<Metric, Targets> = {
    revenue: new Targets(),
    collected: new Targets(),
    visits: new Targets(),
  };
  for (const rep of org.reps) {
    for (const month of months) {
      const duty = dutyIn(rep, month);
      if (duty === null) continue;
      const team = teamOn(rep, duty.first);
      const ramp = rampOf(rep, Math.floor((duty.first + duty.last) / 2));
      const expected =
        expectedOrders(0.4 + 0.6 * rep.skill, ramp, month, firstDay) * averageOrder * duty.share;
      const revenue = Math.max(10_000, roundTo(expected * AMBITION, 1000));
      const visits = Math.max(1, Math.round(VISITS_PER_MONTH * duty.share));
      const scopes = [rep.id, team.id, team.region.id, COMPANY_ID];
      for (const period of [monthPeriod(month), quarterPeriod(month), String(year)]) {
        for (const scope of scopes) {
          targets.revenue.add(scope, period, revenue);
          targets.collected.add(scope, period, roundTo(revenue * COLLECTION_TARGET, 1000));
        }
        targets.visits.add(rep.id, period, visits);
        targets.visits.add(team.id, period, visits);
      }
    }
  }
  const goals: GoalRecord[] = [];
  for (const metric of ['revenue', 'collected', 'visits'] as const) {
    for (const [scope, period, value] of targets[metric].entries())
      goals.push(goal(period, scope, metric, value, NO_FILTER));
  }
  goals.push(...filteredGoals(targets.revenue, sales, year));
  return goals;
}

/**
 * The days of the month the rep is employed (a newcomer's first month, a leaver's last one
 * get a goal in proportion), or null when they don't work that month.
 */
function dutyIn(rep: Rep, month: Month): { first: number; last: number; share: number } | null {
  const first = Math.max(month.first, rep.hire);
  const last = Math.min(month.last, rep.leave ?? month.last);
  if (first > last || !isEmployed(rep, first)) return null;
  return { first, last, share: (last - first + 1) / (month.last - month.first + 1) };
}

/**
 * 产品线目标 and 大客户目标: the company and each region get a software target for the year
 * and each quarter, and the company a target for enterprise customers, in proportion to the
 * share those had of past sales.
 */
function filteredGoals(revenue: Targets, sales: readonly Sale[], year: number): GoalRecord[] {
  const total = sales.reduce((sum, s) => sum + s.amount, 0) || 1;
  const shareOf = (match: (s: Sale) => boolean) =>
    sales.reduce((sum, s) => (match(s) ? sum + s.amount : sum), 0) / total;
  const software = PRODUCT_LINES[0];
  const softwareShare = shareOf((s) => s.product.line === software);
  const enterpriseShare = shareOf((s) => s.customer.type === 'enterprise');
  const periods = [String(year), `${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`];
  const goals: GoalRecord[] = [];
  for (const scope of [COMPANY_ID, 'R-EAST', 'R-NORTH', 'R-SOUTH', 'R-WEST']) {
    for (const period of periods) {
      const value = revenue.get(scope, period);
      if (value === undefined) continue;
      goals.push(
        goal(period, scope, 'revenue', roundTo(value * softwareShare, 1000), {
          ...NO_FILTER,
          product_line: software,
        }),
      );
      if (scope === COMPANY_ID) {
        goals.push(
          goal(period, scope, 'revenue', roundTo(value * enterpriseShare, 1000), {
            ...NO_FILTER,
            customer_type: 'enterprise',
          }),
        );
      }
    }
  }
  return goals;
}

function goal(period: string, scope: string, metric: Metric, value: number, filter: Filter): GoalRecord {
  // Money goals as money strings; visit counts as integers (保底/挑战 rounded to whole visits).
  const text =
    metric === 'visits' ? (v: number) => String(Math.round(v)) : (v: number) => `${Math.round(v)}.00`;
  return {
    period,
    scope,
    metric,
    value: text(value),
    ...filter,
    floor: text(value * 0.8),
    stretch: text(value * 1.2),
  };
}
