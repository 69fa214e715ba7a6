/**
 * The goals API under /api/v1/goals (docs/goals.md): grid, single-cell edit, cascade,
 * proposals and locks. Handlers parse (zod), build the actor's policy context, call one
 * service in a transaction opened here, and return what it presents.
 */
import type { RouteModule } from '../../http/context.ts';
import { cascadeGoal } from './cascade.service.ts';
import { loadGoalGrid } from './goal-grid.service.ts';
import { policyContextOf } from './goals.context.ts';
import { loadManagerIds } from './goals.repository.ts';
import { cascadeBodySchema, editBodySchema, gridQuerySchema } from './goals.schemas.ts';
import { editGoal } from './goals.service.ts';
import { lockRoutes } from './locks.routes.ts';
import { proposalRoutes } from './proposals.routes.ts';

export const goalsRoutes: RouteModule = async (app, ctx) => {
  app.get('/goals/grid', { schema: { tags: ['goals'], querystring: gridQuerySchema } }, async (request) => {
    const policy = await policyContextOf(ctx, request.actor);
    const { year, root, metric, ...filters } = request.query;
    return loadGoalGrid(ctx.db.kysely, policy, { year, root, metric, filters });
  });

  app.put('/goals', { schema: { tags: ['goals'], body: editBodySchema } }, async (request) => {
    const policy = await policyContextOf(ctx, request.actor);
    const { period, scope, metric, filters, ...levels } = request.body;
    const address = { period, scope, metric, filters };
    return ctx.db.kysely
      .transaction()
      .execute((trx) => editGoal(trx, policy, { address, ...levels }, ctx.now()));
  });

  app.post('/goals/cascade', { schema: { tags: ['goals'], body: cascadeBodySchema } }, async (request) => {
    const policy = await policyContextOf(ctx, request.actor);
    const { period, scope, metric, filters, ...rest } = request.body;
    const input = { parent: { period, scope, metric, filters }, ...rest };
    // Loaded before the transaction: on SQLite the store's loader would wait for the one connection.
    const facts = rest.method === 'last_year_share' ? await ctx.facts.current() : null;
    return ctx.db.kysely.transaction().execute((trx) => cascadeGoal(trx, policy, facts, input, ctx.now()));
  });

  await proposalRoutes(app, ctx, () => loadManagerIds(ctx.db.kysely));
  await lockRoutes(app, ctx);
};
