/**
 * The people of a close (contract §6): matched by a scorecard or a compensation plan (the first in
 * file order whose applies_to matches, by role and by unit on min(end, A)) and employed during P.
 */
import { OrgChart } from '../org-chart.ts';
import type { Period } from '../periods.ts';
import type { AppliesTo, CompensationPlan, Plan, Scorecard } from '../plan/plan-types.ts';
import type { FactStore } from '../store/fact-store.ts';
import type { ClosePerson, CloseUnit } from './close-types.ts';

export interface PersonOfClose {
  readonly person: ClosePerson;
  /** Unit on min(end, A): the store's effective-dated chart, else people.unit_id. */
  readonly unitId: string | null;
  readonly scorecard: Scorecard | null;
  readonly compensation: CompensationPlan | null;
}

/** The unit structure of a close: kinds and subtrees from the `units` rows. */
export class CloseOrg {
  private readonly chart: OrgChart;
  private readonly kinds = new Map<string, string | null>();
  private readonly subtrees = new Map<string, Set<string>>();

  constructor(units: readonly CloseUnit[]) {
    this.chart = new OrgChart(units, []);
    for (const unit of units) this.kinds.set(unit.id, unit.kind ?? null);
  }

  subtree(unitId: string): Set<string> {
    let set = this.subtrees.get(unitId);
    if (!set) {
      set = this.chart.subtree(unitId);
      this.subtrees.set(unitId, set);
    }
    return set;
  }

  /** Units of a kind, by id (a stable order whatever the order of input rows). */
  unitsOfKind(kind: string): string[] {
    return [...this.kinds]
      .filter(([, k]) => k === kind)
      .map(([id]) => id)
      .sort();
  }

  /** True when `unitId` lies in `ancestorId`'s subtree (the unit itself included). */
  contains(ancestorId: string, unitId: string | null): boolean {
    return unitId !== null && this.subtree(ancestorId).has(unitId);
  }
}

/** min(end, A): the date whose unit a person is matched and ranked by (contract §6, §7). */
export function referenceDate(period: Period, asOf: string): string {
  return asOf < period.end ? asOf : period.end;
}

/** Employed during P: hire_date ≤ end, and leave_date empty or ≥ start. */
export function employedDuring(person: ClosePerson, period: Period): boolean {
  return person.hireDate <= period.end && (!person.leaveDate || person.leaveDate >= period.start);
}

export function matches(
  appliesTo: AppliesTo,
  person: ClosePerson,
  unitId: string | null,
  org: CloseOrg,
): boolean {
  if ('role' in appliesTo) return person.role === appliesTo.role;
  if ('people' in appliesTo) return appliesTo.people.includes(person.id);
  return org.contains(appliesTo.unit, unitId);
}

/** The people of the close, sorted by id. */
export function listPeopleOfClose(
  store: FactStore,
  plan: Plan,
  period: Period,
  asOf: string,
  people: readonly ClosePerson[],
  org: CloseOrg,
): PersonOfClose[] {
  const ref = referenceDate(period, asOf);
  const result: PersonOfClose[] = [];
  for (const person of people) {
    if (!employedDuring(person, period)) continue;
    const unitId = store.org.unitOn(person.id, ref) ?? person.unitId ?? null;
    const scorecard = plan.scorecards.find((s) => matches(s.appliesTo, person, unitId, org)) ?? null;
    const compensation = plan.compensation.find((c) => matches(c.appliesTo, person, unitId, org)) ?? null;
    if (scorecard || compensation) result.push({ person, unitId, scorecard, compensation });
  }
  return result.sort((a, b) => (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0));
}
