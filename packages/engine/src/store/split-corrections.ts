/**
 * Once-per-unit counting of split orders (contract §5 `orders`, `new_customers`): the sales cube
 * counts a split order once per credited rep, so a unit holding k ≥ 2 of its reps on the order's
 * day would count it k times. This cube holds, per unit × day, the −(k − 1) to add back, for the
 * unit and each of its ancestors. It depends on the org chart, so it is rebuilt when the chart is
 * replaced; between charts it is maintained incrementally like the other cubes.
 */
import type { OrgChart } from '../org-chart.ts';
import { DayCube } from './day-cube.ts';
import { Dictionary } from './growable.ts';

export const CORRECTION = { orders: 0, newCustomers: 1, width: 2 } as const;

export class SplitCorrections {
  readonly units = new Dictionary();
  private cube = new DayCube(CORRECTION.width);
  private org: OrgChart | null = null;

  constructor(private readonly people: Dictionary) {}

  /** Starts over with a new chart (the caller re-applies every split event). */
  reset(org: OrgChart): void {
    this.org = org;
    this.cube = new DayCube(CORRECTION.width);
  }

  /** Adds (sign +1) or retracts (−1) the correction of one split event credited to `people` on `day`. */
  apply(people: readonly number[], day: number, measure: number, sign: number): void {
    if (!this.org || people.length < 2) return;
    const inside = new Map<string, number>();
    for (const person of people) {
      const unit = this.org.unitOnDay(this.people.name(person), day);
      if (unit === null) continue;
      for (const ancestor of this.org.ancestors(unit)) inside.set(ancestor, (inside.get(ancestor) ?? 0) + 1);
    }
    for (const [unit, count] of inside) {
      if (count > 1) this.cube.add(this.units.intern(unit), day, measure, -sign * (count - 1));
    }
  }

  /** Adds the unit's corrections over [from, to] into `out` (indexed by {@link CORRECTION}). */
  sumInto(unitId: string, from: number, to: number, out: Float64Array): void {
    const unit = this.units.find(unitId);
    if (unit >= 0) this.cube.sumInto(unit, from, to, out);
  }
}
