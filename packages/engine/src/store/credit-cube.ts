/**
 * A cube of additive measures kept twice: per credited person × day/month (`people`), and per
 * unit × day/month (`units`), where a contribution of a person on a day also goes to the unit the
 * person belongs to on that day and to every ancestor of it (contract §4). A unit's window then
 * costs ~12 + edge lookups whatever its size, instead of one range sum per member.
 *
 * The unit cube depends on the org chart: `setOrg` drops it, and it is rebuilt from the person
 * cube on the first unit query (a bulk load after `setOrg` then pays nothing per fact); once
 * built, every contribution is maintained in both. Both hold sums of the same signed integer
 * deltas, so the unit cube equals the sum of its members' person cubes over the days they
 * belong to it, whatever the order of changes (property-tested in unit-cube.property.test.ts).
 */
import { monthStartDay } from './calendar-math.ts';
import { DayCube } from './day-cube.ts';
import type { UnitIndex } from './unit-index.ts';

export class CreditCube {
  readonly people: DayCube;
  private unitCube: DayCube;
  private built = false;

  constructor(
    readonly width: number,
    private readonly index: UnitIndex,
  ) {
    this.people = new DayCube(width);
    this.unitCube = new DayCube(width);
  }

  /** Adds `delta` to one measure of a person's day, and of their units' that day. */
  add(person: number, day: number, measure: number, delta: number): void {
    if (delta === 0) return;
    this.people.add(person, day, measure, delta);
    if (!this.built) return;
    for (const unit of this.index.unitsOn(person, day)) this.unitCube.add(unit, day, measure, delta);
  }

  /** Adds `deltas[i]` to measure i of a person's day, and of their units' that day. */
  addRow(person: number, day: number, deltas: readonly number[]): void {
    this.people.addRow(person, day, deltas);
    if (!this.built) return;
    for (const unit of this.index.unitsOn(person, day)) this.unitCube.addRow(unit, day, deltas);
  }

  /** Forgets the unit cube (the org chart changed); the next unit query rebuilds it. */
  dropUnits(): void {
    this.built = false;
    this.unitCube = new DayCube(this.width);
  }

  /** The unit cube, built from the person cube if the chart changed since. */
  units(): DayCube {
    if (!this.built) {
      // Each person's days into their own unit first, then each unit's days into its ancestors:
      // person-days + unit-days × depth bucket writes instead of person-days × depth.
      // A month page goes whole when the person stays in one unit all month (nearly always).
      const own = new DayCube(this.width);
      const people = this.people;
      people.forEachPage((person, month, page) => {
        const start = monthStartDay(month);
        const units = this.index.unitsThroughout(person, start, monthStartDay(month + 1) - 1);
        if (units) {
          if (units.length > 0) own.addPage(units[0]!, month, people, page);
          return;
        }
        people.forEachDayOf(page, start, (day, slot) => {
          const units = this.index.unitsOn(person, day);
          if (units.length > 0) own.addBucket(units[0]!, day, people, slot);
        });
      });
      const cube = new DayCube(this.width);
      own.forEachPage((unit, month, page) => {
        for (const ancestor of this.index.chainOf(unit)) cube.addPage(ancestor, month, own, page);
      });
      this.unitCube = cube;
      this.built = true;
    }
    return this.unitCube;
  }

  /** Adds a unit's measures over days [from, to] into `out` (nothing for an unknown unit). */
  sumUnitInto(unitId: string, from: number, to: number, out: Float64Array): void {
    const cube = this.units();
    const unit = this.index.find(unitId);
    if (unit >= 0) cube.sumInto(unit, from, to, out);
  }
}
