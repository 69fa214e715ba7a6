import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { canSeeUnit } from '../access/data-scope.ts';
import { buildGoalGrid, type GoalGrid, gridColumns } from './goal-grid.ts';
import type { PolicyContext } from './goals.policy.ts';
import { type GoalFilters, listGoalsForPeriods } from './goals.repository.ts';
import { periodOf } from './goals.service.ts';
import { listOpenProposalsFor } from './proposals.repository.ts';

export interface GridQuery {
  readonly year: number;
  readonly root: string;
  readonly metric: string;
  readonly filters: GoalFilters;
}

/** GET /goals/grid: 404 for a root that is no unit or lies outside the actor's data scope. */
export async function loadGoalGrid(
  db: Kysely<Database>,
  ctx: PolicyContext,
  query: GridQuery,
): Promise<GoalGrid> {
  if (!ctx.dir.units.has(query.root) || !canSeeUnit(ctx.scope, query.root))
    throw new AppError('not_found', `no unit ${query.root}`, 'root');
  const year = periodOf(String(query.year));
  const periods = gridColumns(query.year).map((c) => c.period);
  const filter = { periods, metric: query.metric, filters: query.filters };
  const [goals, proposals] = await Promise.all([
    listGoalsForPeriods(db, filter),
    listOpenProposalsFor(db, filter),
  ]);
  return buildGoalGrid(ctx, { year, root: query.root, metric: query.metric, goals, proposals });
}
