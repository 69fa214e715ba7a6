import { type Period, parsePeriod } from '@attain/engine';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { AppContext, RouteModule } from '../../http/context.ts';
import { resolveScope } from '../access/request-scope.ts';
import { type Actor, requireActor } from '../auth/actor.ts';
import { latestFiscalYearStart } from '../plans/plans.repository.ts';
import { dimensionsOf } from '../tracking/fact-store.loader.ts';
import { goalsForPeriod, goalsForPeriods } from '../tracking/goals.repository.ts';
import { assertDashboardVisible, type DashboardScope, homeScope } from './dashboard-scope.ts';
import { breakdown, drillDown, goalWall, leaderboard, trend, trendBuckets } from './dashboard-views.ts';
import { kpiCards } from './dashboards.service.ts';

const common = {
  period: z.string().optional(),
  asOf: z.iso.date().optional(),
  scopeKind: z.enum(['person', 'unit']).optional(),
  scopeId: z.string().optional(),
  product_line: z.string().optional(),
  customer_type: z.string().optional(),
  region: z.string().optional(),
};
const metric = z.string().default('revenue');

type Common = { [K in keyof typeof common]?: string };

/** Resolves the period, as-of date, target scope (default: the actor's home) and goals of a request. */
async function dashboardInput(ctx: AppContext, actor: Actor, query: Common) {
  const { dir, scope, today } = await resolveScope(ctx, actor);
  const periodKey = query.period ?? today.slice(0, 4);
  // The calendar of the latest applied plan (contract §7), as reports use it.
  const fiscalYearStart = await latestFiscalYearStart(ctx.db.kysely);
  const period = parsePeriod(periodKey, fiscalYearStart);
  if (!period) throw new AppError('validation_failed', `not a period: ${periodKey}`, 'period');
  const target: DashboardScope =
    query.scopeKind && query.scopeId
      ? { kind: query.scopeKind as 'person' | 'unit', id: query.scopeId }
      : homeScope(actor, dir, today);
  assertDashboardVisible(scope, target);
  const filters = Object.fromEntries(
    (['product_line', 'customer_type', 'region'] as const)
      .filter((k) => query[k])
      .map((k) => [k, query[k] as string]),
  );
  return {
    dir,
    target,
    filters,
    store: await ctx.facts.current(),
    goals: await goalsForPeriodCached(ctx, period),
    query: { period, asOf: (query.asOf as string | undefined) ?? today, fiscalYearStart },
  };
}

// Goals change rarely and are small; reading them per request is one indexed query.
const goalsForPeriodCached = (ctx: AppContext, period: Period) => goalsForPeriod(ctx.db.kysely, period.key);

/** Input of a view over one unit's people (drill, leaderboard, goal wall): `unitId` or the home unit. */
async function unitViewInput(ctx: AppContext, actor: Actor, query: Common & { unitId?: string }) {
  const { unitId, ...rest } = query;
  const input = await dashboardInput(
    ctx,
    actor,
    unitId ? { ...rest, scopeKind: 'unit', scopeId: unitId } : rest,
  );
  if (input.target.kind !== 'unit')
    throw new AppError('validation_failed', 'a unit is needed (unitId)', 'unitId');
  return { ...input, unitId: input.target.id };
}

export const dashboardsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/dashboard/kpis',
    { schema: { tags: ['dashboard'], querystring: z.object(common) } },
    async (request) => {
      const input = await dashboardInput(ctx, requireActor(request.actor), request.query);
      const cards = kpiCards(input.store, input.goals, input.target, input.query, input.filters);
      const name =
        input.target.kind === 'unit'
          ? input.dir.units.get(input.target.id)?.name
          : input.dir.people.get(input.target.id)?.name;
      return { ...cards, name: name ?? input.target.id, dimensions: dimensionsOf(input.store) };
    },
  );

  app.get(
    '/dashboard/trend',
    {
      schema: {
        tags: ['dashboard'],
        querystring: z.object({ ...common, metric, grain: z.enum(['month', 'week']).default('month') }),
      },
    },
    async (request) => {
      const input = await dashboardInput(ctx, requireActor(request.actor), request.query);
      const buckets = trendBuckets(input.query.period, request.query.grain, input.query.asOf);
      return trend(
        input.store,
        await goalsForPeriods(ctx.db.kysely, buckets),
        input.target,
        input.query,
        request.query.metric,
        request.query.grain,
        input.filters,
      );
    },
  );

  app.get(
    '/dashboard/drill',
    {
      schema: {
        tags: ['dashboard'],
        querystring: z.object({ ...common, metric, unitId: z.string().optional() }),
      },
    },
    async (request) => {
      const input = await unitViewInput(ctx, requireActor(request.actor), request.query);
      return drillDown(
        input.store,
        input.goals,
        input.dir,
        input.unitId,
        input.query,
        request.query.metric,
        input.filters,
      );
    },
  );

  app.get(
    '/dashboard/breakdown',
    {
      schema: {
        tags: ['dashboard'],
        querystring: z.object({
          ...common,
          metric,
          dimension: z.enum(['product_line', 'customer_type', 'region']),
        }),
      },
    },
    async (request) => {
      const input = await dashboardInput(ctx, requireActor(request.actor), request.query);
      const { dimension } = request.query;
      const values = dimensionsOf(input.store)[dimension];
      return breakdown(
        input.store,
        input.goals,
        input.target,
        input.query,
        request.query.metric,
        dimension,
        values,
      );
    },
  );

  app.get(
    '/dashboard/leaderboard',
    {
      schema: {
        tags: ['dashboard'],
        querystring: z.object({
          ...common,
          metric,
          unitId: z.string().optional(),
          order: z.enum(['desc', 'asc']).default('desc'),
        }),
      },
    },
    async (request) => {
      const input = await unitViewInput(ctx, requireActor(request.actor), request.query);
      return leaderboard(
        input.store,
        input.goals,
        input.dir,
        input.unitId,
        input.query,
        request.query.metric,
        input.filters,
        request.query.order === 'asc',
      );
    },
  );

  app.get(
    '/dashboard/goal-wall',
    {
      schema: {
        tags: ['dashboard'],
        querystring: z.object({ ...common, metric, unitId: z.string().optional() }),
      },
    },
    async (request) => {
      const input = await unitViewInput(ctx, requireActor(request.actor), request.query);
      return goalWall(input.store, input.goals, input.dir, input.unitId, input.query, request.query.metric);
    },
  );
};
