/**
 * Who may read, write, propose, approve and lock goals (docs/goals.md §Who may do what).
 * Pure: the routes pass the actor, the org directory, the data scope and today.
 *
 * - Read: the data scope (access/data-scope.ts canSeeGoalScope).
 * - Write agreed goals (edit, cascade): hr, finance, admin and the manager of the root unit
 *   (whose scope is everything) write any goal; another manager writes the goals of the units
 *   strictly below his own unit and of the people placed in his subtree, except himself — his
 *   own and his own unit's goals are agreed with his superior through a proposal. Reps never.
 * - Propose: anyone for himself; a manager also for his unit, the units below it and the people
 *   placed in his subtree.
 * - Approve or return: hr, admin, or a superior of the proposer (see {@link isSuperiorOf}); never
 *   the proposer himself nor the person whose goal it is.
 * - Lock periods: hr, finance, admin and the manager of the root unit.
 */

import { canSeeGoalScope, type DataScope } from '../access/data-scope.ts';
import { type OrgDirectory, pathToRoot, unitOn } from '../access/org-directory.ts';
import type { Actor } from '../auth/actor.ts';

export interface PolicyContext {
  readonly actor: Actor;
  readonly dir: OrgDirectory;
  readonly scope: DataScope;
  readonly today: string;
}

const GLOBAL_WRITERS = new Set(['hr', 'finance', 'admin']);

/** hr, finance, admin, or the manager of the root unit (the VP: his data scope is everything). */
export function writesEverything(ctx: PolicyContext): boolean {
  return GLOBAL_WRITERS.has(ctx.actor.role) || (ctx.actor.role === 'manager' && ctx.scope.kind === 'all');
}

export const canReadGoalScope = (ctx: PolicyContext, goalScope: string): boolean =>
  canSeeGoalScope(ctx.scope, goalScope);

const ownUnit = (ctx: PolicyContext): string | null =>
  ctx.actor.personId ? unitOn(ctx.dir, ctx.actor.personId, ctx.today) : null;

/** Whether `goalScope` lies in the actor's managed subtree (a person: placed there on `date`). */
function inManagedSubtree(ctx: PolicyContext, goalScope: string, date: string): boolean {
  if (ctx.scope.kind === 'all') return true;
  if (ctx.dir.units.has(goalScope)) return ctx.scope.units.has(goalScope);
  const unit = unitOn(ctx.dir, goalScope, date);
  return unit !== null && ctx.scope.units.has(unit);
}

/** May write the agreed goal of `goalScope`; people are placed by their unit on `date`. */
export function canWriteGoal(ctx: PolicyContext, goalScope: string, date: string): boolean {
  if (writesEverything(ctx)) return true;
  if (ctx.actor.role !== 'manager' || !ctx.actor.personId) return false;
  if (goalScope === ctx.actor.personId || goalScope === ownUnit(ctx)) return false;
  return inManagedSubtree(ctx, goalScope, date);
}

export function canProposeFor(ctx: PolicyContext, goalScope: string, date: string): boolean {
  if (!ctx.actor.personId) return false;
  if (goalScope === ctx.actor.personId) return true;
  return ctx.actor.role === 'manager' && inManagedSubtree(ctx, goalScope, date);
}

/**
 * A manager A is a superior of person P (A ≠ P) when, today: A is on P's manager_id chain;
 * or A's unit is a strict ancestor of P's unit; or they share a unit and P is not a manager
 * (the team manager over his reps).
 * @example isSuperiorOf(dir, managerIds, 'm1', 'r1', '2026-11-23') // true: r1's manager_id is m1
 */
export function isSuperiorOf(
  dir: OrgDirectory,
  managerIds: ReadonlyMap<string, string | null>,
  approverId: string,
  personId: string,
  today: string,
): boolean {
  if (approverId === personId || dir.people.get(approverId)?.role !== 'manager') return false;
  const seen = new Set<string>();
  for (let m = managerIds.get(personId) ?? null; m !== null && !seen.has(m); m = managerIds.get(m) ?? null) {
    if (m === approverId) return true;
    seen.add(m);
  }
  const approverUnit = unitOn(dir, approverId, today);
  const personUnit = unitOn(dir, personId, today);
  if (!approverUnit || !personUnit) return false;
  if (approverUnit === personUnit) return dir.people.get(personId)?.role !== 'manager';
  return pathToRoot(dir, personUnit).includes(approverUnit);
}

export interface ProposalParties {
  readonly proposedBy: string;
  readonly proposerPersonId: string | null;
  readonly scope: string;
}

/** May approve or return the proposal (never one's own, never one's own goal). */
export function canDecideProposal(
  ctx: PolicyContext,
  managerIds: ReadonlyMap<string, string | null>,
  proposal: ProposalParties,
): boolean {
  const { actor } = ctx;
  if (actor.login === proposal.proposedBy) return false;
  if (actor.personId !== null && actor.personId === proposal.scope) return false;
  if (actor.role === 'hr' || actor.role === 'admin') return true;
  if (actor.role !== 'manager' || !actor.personId || !proposal.proposerPersonId) return false;
  return isSuperiorOf(ctx.dir, managerIds, actor.personId, proposal.proposerPersonId, ctx.today);
}

export function canManageLocks(ctx: PolicyContext): boolean {
  return writesEverything(ctx);
}
