import type { App, AppContext } from '../../http/context.ts';
import { policyContextOf } from './goals.context.ts';
import {
  approveBodySchema,
  proposalListQuerySchema,
  proposalParamsSchema,
  proposeBodySchema,
  returnBodySchema,
} from './goals.schemas.ts';
import { listProposals } from './proposals.presenter.ts';
import { decideProposal, type ManagerIds, proposeGoal } from './proposals.service.ts';

/** POST/GET /goals/proposals, POST /goals/proposals/:id/approve and /return. */
export async function proposalRoutes(app: App, ctx: AppContext, managerIds: () => Promise<ManagerIds>) {
  app.post(
    '/goals/proposals',
    { schema: { tags: ['goals'], body: proposeBodySchema } },
    async (request, reply) => {
      const policy = await policyContextOf(ctx, request.actor);
      const { period, scope, metric, filters, ...levels } = request.body;
      const managers = await managerIds();
      const result = await ctx.db.kysely
        .transaction()
        .execute((trx) =>
          proposeGoal(
            trx,
            policy,
            managers,
            { address: { period, scope, metric, filters }, ...levels },
            ctx.now(),
          ),
        );
      return reply.code(result.created ? 201 : 200).send(result.proposal);
    },
  );

  app.get(
    '/goals/proposals',
    { schema: { tags: ['goals'], querystring: proposalListQuerySchema } },
    async (request) => {
      const policy = await policyContextOf(ctx, request.actor);
      return { proposals: await listProposals(ctx.db.kysely, policy, await managerIds(), request.query) };
    },
  );

  app.post(
    '/goals/proposals/:id/approve',
    { schema: { tags: ['goals'], params: proposalParamsSchema, body: approveBodySchema } },
    async (request) => {
      const policy = await policyContextOf(ctx, request.actor);
      const managers = await managerIds();
      const input = { id: request.params.id, decision: 'approve' as const, ...request.body };
      return ctx.db.kysely
        .transaction()
        .execute((trx) => decideProposal(trx, policy, managers, input, ctx.now()));
    },
  );

  app.post(
    '/goals/proposals/:id/return',
    { schema: { tags: ['goals'], params: proposalParamsSchema, body: returnBodySchema } },
    async (request) => {
      const policy = await policyContextOf(ctx, request.actor);
      const managers = await managerIds();
      const input = { id: request.params.id, decision: 'return' as const, comment: request.body.comment };
      return ctx.db.kysely
        .transaction()
        .execute((trx) => decideProposal(trx, policy, managers, input, ctx.now()));
    },
  );
}
