/**
 * Data scope: what an actor may see (STYLE.md §7 — authorization is data scope, not only role).
 * Pure: takes the actor, the org directory and today, returns the scope; the repositories turn
 * it into SQL conditions (scope-sql.ts) and the routes check single records with the can* functions.
 *
 * - hr, finance, admin: everything.
 * - manager: the subtree of the unit he belongs to today; a person is visible for the dates
 *   they belonged to that subtree (effective-dated, contract §4), so a rep who moved away
 *   stays visible with the history made under this manager, and a newcomer's earlier history
 *   elsewhere is not.
 * - rep (and a login tied to no person, with a non-global role): only themself.
 * Everyone sees the names of the units on the path from their own unit to the root.
 */
import type { Actor } from '../auth/actor.ts';
import {
  type Interval,
  intervalsWithin,
  type OrgDirectory,
  pathToRoot,
  subtreeOf,
  unitOn,
} from './org-directory.ts';

export type DataScope =
  | { readonly kind: 'all' }
  | {
      readonly kind: 'limited';
      /** People visible, each with the intervals of event dates visible. */
      readonly people: ReadonlyMap<string, readonly Interval[]>;
      /** Units whose data (goals, members) is visible: the managed subtree. */
      readonly units: ReadonlySet<string>;
      /** Units whose name is visible: managed subtree plus the path to the root. */
      readonly unitNames: ReadonlySet<string>;
    };

const GLOBAL_ROLES = new Set(['hr', 'finance', 'admin']);
const ALWAYS: Interval = { from: null, until: null };

export function scopeOf(actor: Actor, dir: OrgDirectory, today: string): DataScope {
  if (GLOBAL_ROLES.has(actor.role)) return { kind: 'all' };
  const personId = actor.personId;
  const ownUnit = personId ? unitOn(dir, personId, today) : null;
  if (!personId || !ownUnit)
    return { kind: 'limited', people: new Map(), units: new Set(), unitNames: new Set() };
  const unitNames = new Set(pathToRoot(dir, ownUnit));
  if (actor.role !== 'manager') {
    return { kind: 'limited', people: new Map([[personId, [ALWAYS]]]), units: new Set(), unitNames };
  }
  const units = subtreeOf(dir, ownUnit);
  if (dir.units.get(ownUnit)?.parentId === null) return { kind: 'all' };
  const people = new Map<string, readonly Interval[]>();
  for (const id of dir.people.keys()) {
    const intervals = intervalsWithin(dir, id, units);
    if (intervals.length > 0) people.set(id, intervals);
  }
  people.set(personId, [ALWAYS]);
  for (const id of units) unitNames.add(id);
  return { kind: 'limited', people, units, unitNames };
}

export function canSeePerson(scope: DataScope, personId: string): boolean {
  return scope.kind === 'all' || scope.people.has(personId);
}

export function canSeeUnit(scope: DataScope, unitId: string): boolean {
  return scope.kind === 'all' || scope.unitNames.has(unitId);
}

/** A goal's scope is a unit or a person (contract §2). */
export function canSeeGoalScope(scope: DataScope, goalScope: string): boolean {
  if (scope.kind === 'all') return true;
  return scope.people.has(goalScope) || scope.units.has(goalScope) || scope.unitNames.has(goalScope);
}

/** Whether an event of `personId` dated `date` is visible. */
export function canSeeEvent(scope: DataScope, personId: string, date: string): boolean {
  if (scope.kind === 'all') return true;
  const intervals = scope.people.get(personId);
  return !!intervals?.some(
    (i) => (i.from === null || date >= i.from) && (i.until === null || date < i.until),
  );
}
