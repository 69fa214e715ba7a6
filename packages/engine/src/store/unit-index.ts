/**
 * The org chart resolved to the store's dense indices (contract §4): for a credited person and a
 * day, the unit they belong to that day and its ancestors, as unit indices. The unit cubes
 * (credit-cube.ts) add every contribution to these units, so it must be fast: a person's spells
 * are resolved once per chart and kept as arrays.
 */
import { OrgChart } from '../org-chart.ts';
import type { Dictionary } from './growable.ts';

const NO_UNITS = new Int32Array(0);

/** A person's spells: from which day (ascending, the first −∞) the person is in which units. */
interface PersonSpells {
  readonly fromDays: readonly number[];
  /** Per spell: its unit followed by every ancestor, as unit indices. */
  readonly chains: readonly Int32Array[];
}

export class UnitIndex {
  private chart = new OrgChart([], []);
  private readonly unitIds = new Map<string, number>();
  private readonly chainOfUnit = new Map<string, Int32Array>();
  private chainOfIndex: (Int32Array | undefined)[] = [];
  /** Per person index, resolved lazily (people get indices as facts arrive, before or after the chart). */
  private spells: (PersonSpells | undefined)[] = [];

  constructor(private readonly people: Dictionary) {}

  /** Follows a new chart; unit indices stay stable across charts. */
  reset(chart: OrgChart): void {
    this.chart = chart;
    this.chainOfUnit.clear();
    this.chainOfIndex = [];
    this.spells = [];
  }

  /** The index of a unit id, or −1 when no contribution ever reached it. */
  find(unitId: string): number {
    return this.unitIds.get(unitId) ?? -1;
  }

  /** True when a fact of the person on the day counts for the unit (its unit or an ancestor). */
  counts(person: number, day: number, unitId: string): boolean {
    return this.unitsOn(person, day).includes(this.intern(unitId));
  }

  /** Number of unit indices handed out. */
  get size(): number {
    return this.unitIds.size;
  }

  /**
   * The person's unit on `day` and its ancestors (unit indices, empty when the person is not
   * in the chart): the units a fact of that person and day counts for.
   */
  unitsOn(person: number, day: number): Int32Array {
    const { fromDays, chains } = this.spellsOf(person);
    for (let i = fromDays.length - 1; i >= 0; i--) if (fromDays[i]! <= day) return chains[i]!;
    return NO_UNITS;
  }

  /** {@link unitsOn} when the person is in the same units on every day of [fromDay, toDay], else null. */
  unitsThroughout(person: number, fromDay: number, toDay: number): Int32Array | null {
    const { fromDays, chains } = this.spellsOf(person);
    for (let i = fromDays.length - 1; i >= 0; i--) {
      if (fromDays[i]! > toDay) continue;
      return fromDays[i]! <= fromDay ? chains[i]! : null;
    }
    return fromDays.length === 0 || fromDays[0]! > toDay ? NO_UNITS : null;
  }

  private spellsOf(person: number): PersonSpells {
    let spells = this.spells[person];
    if (spells === undefined) {
      while (this.spells.length <= person) this.spells.push(undefined); // dense, not a hash
      spells = this.resolve(person);
      this.spells[person] = spells;
    }
    return spells;
  }

  private resolve(person: number): PersonSpells {
    const list = this.chart.spellsOf(this.people.name(person));
    return {
      fromDays: list.map((spell) => spell.fromDay),
      chains: list.map((spell) => this.chainOfId(spell.unitId)),
    };
  }

  /** The unit (an index some person's spell is in) followed by its ancestors. */
  chainOf(unit: number): Int32Array {
    return this.chainOfIndex[unit] ?? NO_UNITS;
  }

  private chainOfId(unitId: string): Int32Array {
    let chain = this.chainOfUnit.get(unitId);
    if (!chain) {
      chain = Int32Array.from(this.chart.ancestors(unitId), (id) => this.intern(id));
      this.chainOfUnit.set(unitId, chain);
      this.chainOfIndex[chain[0]!] = chain;
    }
    return chain;
  }

  private intern(unitId: string): number {
    let index = this.unitIds.get(unitId);
    if (index === undefined) {
      index = this.unitIds.size;
      this.unitIds.set(unitId, index);
    }
    return index;
  }
}
