/**
 * The organisation in memory: units, people and their effective-dated moves (contract §2, §4).
 * Small next to the facts (units and people number in the thousands), so it is loaded whole
 * and queried with pure functions.
 */
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
  };
}

/**
 * The person's unit on a date (contract §2 unit_moves): the latest move effective on or
 * before the date; before the first move, `people.unit_id`.
 */
export function unitOn(dir: OrgDirectory, personId: string, date: string): string | null {
  const person = dir.people.get(personId);
  if (!person) return null;
  let unit = person.unitId;
  for (const move of dir.moves.get(personId) ?? []) {
    if (move.effectiveFrom > date) break;
    unit = move.unitId;
  }
  return unit;
}

/** The unit and every unit below it. */
export function subtreeOf(dir: OrgDirectory, unitId: string): Set<string> {
  const result = new Set<string>();
  const stack = [unitId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (result.has(id)) continue;
    result.add(id);
    stack.push(...(dir.children.get(id) ?? []));
  }
  return result;
}

/** The unit and its ancestors up to the root (guarded against cycles). */
export function pathToRoot(dir: OrgDirectory, unitId: string): string[] {
  const path: string[] = [];
  let current: string | null = unitId;
  while (current !== null && !path.includes(current)) {
    path.push(current);
    current = dir.units.get(current)?.parentId ?? null;
  }
  return path;
}

export interface Interval {
  /** Inclusive first day, or null for "since always". */
  readonly from: string | null;
  /** Exclusive end day, or null for "still". */
  readonly until: string | null;
}

/**
 * The date intervals during which the person belonged to one of `units`, from the person's
 * home unit and move history. Adjacent intervals are merged.
 */
export function intervalsWithin(dir: OrgDirectory, personId: string, units: ReadonlySet<string>): Interval[] {
  const person = dir.people.get(personId);
  if (!person) return [];
  const segments: { unitId: string; from: string | null; until: string | null }[] = [];
  let unitId = person.unitId;
  let from: string | null = null;
  for (const move of dir.moves.get(personId) ?? []) {
    segments.push({ unitId, from, until: move.effectiveFrom });
    unitId = move.unitId;
    from = move.effectiveFrom;
  }
  segments.push({ unitId, from, until: null });
  const result: Interval[] = [];
  for (const segment of segments) {
    if (!units.has(segment.unitId)) continue;
    const last = result[result.length - 1];
    if (last && last.until === segment.from)
      result[result.length - 1] = { from: last.from, until: segment.until };
    else result.push({ from: segment.from, until: segment.until });
  }
  return result;
}
