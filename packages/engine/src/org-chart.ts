/**
 * The effective-dated organisation of contract §2 and §4: a person's unit is `people.unit_id`
 * before their first move and the unit of their latest move on or before a date after that;
 * an event credited to a person counts for that unit on the event's date and every ancestor.
 */
import { toDayNumber } from './dates.ts';

export interface UnitInput {
  readonly id: string;
  readonly parentId?: string | null;
}
export interface PersonInput {
  readonly id: string;
  readonly unitId: string;
}
export interface UnitMoveInput {
  readonly personId: string;
  readonly unitId: string;
  /** ISO date: the person belongs to `unitId` from this day on. */
  readonly effectiveFrom: string;
}

/** One stretch of a person's membership: from `fromDay` (day number, inclusive) on. */
export interface UnitSpell {
  readonly fromDay: number;
  readonly unitId: string;
}

export class OrgChart {
  private readonly parents = new Map<string, string | null>();
  private readonly children = new Map<string, string[]>();
  private readonly spells = new Map<string, UnitSpell[]>();

  constructor(
    units: readonly UnitInput[],
    people: readonly PersonInput[],
    moves: readonly UnitMoveInput[] = [],
  ) {
    for (const unit of units) this.parents.set(unit.id, unit.parentId ?? null);
    for (const [id, parent] of this.parents) {
      if (parent === null) continue;
      const list = this.children.get(parent) ?? [];
      list.push(id);
      this.children.set(parent, list);
    }
    for (const person of people) {
      this.spells.set(person.id, [{ fromDay: Number.NEGATIVE_INFINITY, unitId: person.unitId }]);
    }
    const sorted = [...moves].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    for (const move of sorted) {
      const list = this.spells.get(move.personId);
      if (list) list.push({ fromDay: toDayNumber(move.effectiveFrom), unitId: move.unitId });
    }
  }

  /** Ids of every person known to the chart. */
  personIds(): string[] {
    return [...this.spells.keys()];
  }

  /** Ids of every unit known to the chart. */
  unitIds(): string[] {
    return [...this.parents.keys()];
  }

  /** The person's spells in date order; the first starts at −∞ (their home unit). */
  spellsOf(personId: string): readonly UnitSpell[] {
    return this.spells.get(personId) ?? [];
  }

  /**
   * The person's unit on a date (contract §2 unit_moves), or null for an unknown person.
   * @example new OrgChart([{ id: 'u1' }, { id: 'u2' }], [{ id: 'p', unitId: 'u1' }],
   *   [{ personId: 'p', unitId: 'u2', effectiveFrom: '2026-08-01' }]).unitOn('p', '2026-07-31') // 'u1'
   */
  unitOn(personId: string, date: string): string | null {
    return this.unitOnDay(personId, toDayNumber(date));
  }

  /** {@link unitOn} with a day number. */
  unitOnDay(personId: string, day: number): string | null {
    const list = this.spells.get(personId);
    if (!list) return null;
    let unit: string | null = null;
    for (const spell of list) {
      if (spell.fromDay > day) break;
      unit = spell.unitId;
    }
    return unit;
  }

  /**
   * The unit followed by its ancestors up to the root (contract §4: every ancestor).
   * @example new OrgChart([{ id: 'c' }, { id: 't', parentId: 'c' }], []).ancestors('t') // ['t', 'c']
   */
  ancestors(unitId: string): string[] {
    const chain: string[] = [];
    let current: string | null | undefined = unitId;
    while (current != null && !chain.includes(current)) {
      chain.push(current);
      current = this.parents.get(current);
    }
    return chain;
  }

  /** The unit and every unit below it. */
  subtree(unitId: string): Set<string> {
    const found = new Set<string>([unitId]);
    const queue = [unitId];
    for (let i = 0; i < queue.length; i++) {
      for (const child of this.children.get(queue[i]!) ?? []) {
        if (!found.has(child)) {
          found.add(child);
          queue.push(child);
        }
      }
    }
    return found;
  }

  /**
   * The day ranges [from, to] (inclusive day numbers) within [startDay, endDay] during which the
   * person's unit lies in `units` (a subtree). Empty when they never do.
   * @example chart.membershipRanges('p', chart.subtree('u1'), 20600, 20700) // [[20600, 20665]]
   */
  membershipRanges(
    personId: string,
    units: ReadonlySet<string>,
    startDay: number,
    endDay: number,
  ): [number, number][] {
    const list = this.spells.get(personId) ?? [];
    const ranges: [number, number][] = [];
    for (let i = 0; i < list.length; i++) {
      const spell = list[i]!;
      if (!units.has(spell.unitId)) continue;
      const from = Math.max(spell.fromDay, startDay);
      const next = list[i + 1];
      const to = Math.min(next ? next.fromDay - 1 : Number.POSITIVE_INFINITY, endDay);
      if (from > to) continue;
      const last = ranges[ranges.length - 1];
      if (last && last[1] + 1 === from) last[1] = to;
      else ranges.push([from, to]);
    }
    return ranges;
  }

  /** People whose unit lies in `units` on at least one day of [startDay, endDay]. */
  peopleIn(units: ReadonlySet<string>, startDay: number, endDay: number): string[] {
    return this.personIds().filter((id) => this.membershipRanges(id, units, startDay, endDay).length > 0);
  }
}
