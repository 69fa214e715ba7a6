/**
 * Who counts for a scope over a window of days (contract §4 and §5): a person scope is that
 * person's credited events; a unit scope takes each person's events on the days their
 * effective-dated unit lies in the unit's subtree.
 */
import { fromDayNumber } from '../dates.ts';
import type { FactStore } from './fact-store.ts';

export type Scope =
  | { readonly kind: 'person'; readonly id: string }
  | { readonly kind: 'unit'; readonly id: string };

export interface ResolvedScope {
  readonly isUnit: boolean;
  /** Person index → inclusive day ranges of the window during which they count. */
  readonly members: ReadonlyMap<number, readonly (readonly [number, number])[]>;
}

/**
 * Resolves a scope over [fromDay, toDay] (an empty window gives no members).
 * @example resolveScope(store, { kind: 'unit', id: 'east' }, 20635, 20726).members
 */
export function resolveScope(store: FactStore, scope: Scope, fromDay: number, toDay: number): ResolvedScope {
  const members = new Map<number, [number, number][]>();
  if (fromDay <= toDay) {
    if (scope.kind === 'person') {
      const person = store.people.find(scope.id);
      if (person >= 0) members.set(person, [[fromDay, toDay]]);
    } else {
      const units = store.org.subtree(scope.id);
      for (const id of store.org.personIds()) {
        const person = store.people.find(id);
        if (person < 0) continue;
        const ranges = store.org.membershipRanges(id, units, fromDay, toDay);
        if (ranges.length > 0) members.set(person, ranges);
      }
    }
  }
  return { isUnit: scope.kind === 'unit', members };
}

/** True when the person counts for the scope on that day. */
export function counts(scope: ResolvedScope, person: number, day: number): boolean {
  const ranges = scope.members.get(person);
  if (!ranges) return false;
  for (const [from, to] of ranges) if (day >= from && day <= to) return true;
  return false;
}

/** A person counting for a scope, and the days of the window they count on. */
export interface ScopeMember {
  readonly personId: string;
  readonly ranges: readonly { readonly from: string; readonly to: string }[];
}

/**
 * Who counts for a scope over [startDay, min(endDay, asOfDay)] and on which days (contract §4: a
 * rep who moves counts for the old unit before the move and the new one from it) — the "why?"
 * of a unit's numbers. Only people with facts in the store are listed.
 * @example listScopeMembers(store, { kind: 'unit', id: 'west' }, startDay, endDay, asOfDay)
 *   // [{ personId: 'r1', ranges: [{ from: '2026-08-15', to: '2026-09-30' }] }, { personId: 'r3', ... }]
 */
export function listScopeMembers(
  store: FactStore,
  scope: Scope,
  startDay: number,
  endDay: number,
  asOfDay: number,
): ScopeMember[] {
  const { members } = resolveScope(store, scope, startDay, Math.min(endDay, asOfDay));
  return [...members]
    .map(([person, ranges]) => ({
      personId: store.people.name(person),
      ranges: ranges.map(([from, to]) => ({ from: fromDayNumber(from), to: fromDayNumber(to) })),
    }))
    .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}
