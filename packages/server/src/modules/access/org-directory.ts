/**
 * The organisation in memory: units, people and their effective-dated moves (contract §2, §4),
 * with the names and roles the access policy and the pages need. Dates of membership come from
 * the engine's OrgChart, so the policy and the metrics agree on who was where when.
 */
import { fromDayNumber, OrgChart } from '@attain/engine';

export interface DirectoryUnit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly kind: string | null;
}

export interface DirectoryPerson {
  readonly id: string;
  readonly name: string;
  readonly unitId: string;
  readonly role: string;
  readonly hireDate: string;
  readonly leaveDate: string | null;
}

export interface DirectoryMove {
  readonly unitId: string;
  readonly effectiveFrom: string;
}

export interface OrgDirectory {
  readonly units: ReadonlyMap<string, DirectoryUnit>;
  readonly children: ReadonlyMap<string, readonly string[]>;
  readonly people: ReadonlyMap<string, DirectoryPerson>;
  /** Each person's moves, sorted by effectiveFrom ascending. */
  readonly moves: ReadonlyMap<string, readonly DirectoryMove[]>;
  readonly chart: OrgChart;
}

export function buildOrgDirectory(
  units: readonly DirectoryUnit[],
  people: readonly DirectoryPerson[],
  moves: readonly (DirectoryMove & { personId: string })[],
): OrgDirectory {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    const list = children.get(unit.parentId) ?? [];
    list.push(unit.id);
    children.set(unit.parentId, list);
  }
  const movesByPerson = new Map<string, DirectoryMove[]>();
  for (const move of moves) {
    const list = movesByPerson.get(move.personId) ?? [];
    list.push({ unitId: move.unitId, effectiveFrom: move.effectiveFrom });
    movesByPerson.set(move.personId, list);
  }
  for (const list of movesByPerson.values())
    list.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return {
    units: new Map(units.map((u) => [u.id, u])),
    children,
    people: new Map(people.map((p) => [p.id, p])),
    moves: movesByPerson,
    chart: new OrgChart(units, people, moves),
  };
}

/** The person's unit on a date (contract §2 unit_moves); null for an unknown person. */
export const unitOn = (dir: OrgDirectory, personId: string, date: string): string | null =>
  dir.chart.unitOn(personId, date);

/** The unit and every unit below it. */
export const subtreeOf = (dir: OrgDirectory, unitId: string): Set<string> => dir.chart.subtree(unitId);

/** The unit and its ancestors up to the root. */
export const pathToRoot = (dir: OrgDirectory, unitId: string): string[] => dir.chart.ancestors(unitId);

export interface Interval {
  /** Inclusive first day, or null for "since always". */
  readonly from: string | null;
  /** Exclusive end day, or null for "still". */
  readonly until: string | null;
}

/** The date intervals during which the person belonged to one of `units` (adjacent ones merged). */
export function intervalsWithin(dir: OrgDirectory, personId: string, units: ReadonlySet<string>): Interval[] {
  return dir.chart
    .membershipRanges(personId, units, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)
    .map(([from, to]) => ({
      from: Number.isFinite(from) ? fromDayNumber(from) : null,
      until: Number.isFinite(to) ? fromDayNumber(to + 1) : null,
    }));
}
