import { notFound } from '../../errors.ts';
import { canSeePerson, type DataScope } from '../access/data-scope.ts';
import { type OrgDirectory, unitOn } from '../access/org-directory.ts';
import type { Actor } from '../auth/actor.ts';

/** What a dashboard shows: one person, or a unit with everything credited to it (contract §4). */
export interface DashboardScope {
  readonly kind: 'person' | 'unit';
  readonly id: string;
}

/**
 * Where a dashboard opens: a rep on himself, a manager on the unit he belongs to today,
 * everyone else on the root unit.
 */
export function homeScope(actor: Actor, dir: OrgDirectory, today: string): DashboardScope {
  if (actor.role === 'rep' && actor.personId) return { kind: 'person', id: actor.personId };
  if (actor.role === 'manager' && actor.personId) {
    const unit = unitOn(dir, actor.personId, today);
    if (unit) return { kind: 'unit', id: unit };
  }
  const root = [...dir.units.values()].find((u) => u.parentId === null);
  if (!root) throw notFound('organisation (import units first)');
  return { kind: 'unit', id: root.id };
}

/** Unit dashboards need the managed subtree; person dashboards a visible person. 404 otherwise. */
export function assertDashboardVisible(scope: DataScope, target: DashboardScope): void {
  const visible =
    target.kind === 'person'
      ? canSeePerson(scope, target.id)
      : scope.kind === 'all' || scope.units.has(target.id);
  if (!visible) throw notFound(`${target.kind} ${target.id}`);
}
