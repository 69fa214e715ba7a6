import { AppError } from '../../errors.ts';
import type { App, AppContext } from '../../http/context.ts';
import { policyContextOf } from './goals.context.ts';
import { canManageLocks, type PolicyContext } from './goals.policy.ts';
import { lockBodySchema, lockParamsSchema, unlockQuerySchema } from './goals.schemas.ts';
import { listLocks } from './locks.repository.ts';
import { cleanReason, lockPeriod, presentLock, unlockPeriod } from './locks.service.ts';

const requireLockManager = (policy: PolicyContext) => {
  if (!canManageLocks(policy))
    throw new AppError('forbidden', 'only hr, finance, admin or the head of the company lock goal periods');
};

/** GET/POST /goals/locks and DELETE /goals/locks/:period. */
export async function lockRoutes(app: App, ctx: AppContext) {
  app.get('/goals/locks', { schema: { tags: ['goals'] } }, async (request) => {
    await policyContextOf(ctx, request.actor);
    return { locks: (await listLocks(ctx.db.kysely)).map(presentLock) };
  });

  app.post('/goals/locks', { schema: { tags: ['goals'], body: lockBodySchema } }, async (request, reply) => {
    const policy = await policyContextOf(ctx, request.actor);
    requireLockManager(policy);
    const input = { period: request.body.period, reason: cleanReason(request.body.reason) };
    const lock = await ctx.db.kysely
      .transaction()
      .execute((trx) => lockPeriod(trx, policy.actor, input, ctx.now()));
    return reply.code(201).send(lock);
  });

  app.delete(
    '/goals/locks/:period',
    { schema: { tags: ['goals'], params: lockParamsSchema, querystring: unlockQuerySchema } },
    async (request) => {
      const policy = await policyContextOf(ctx, request.actor);
      requireLockManager(policy);
      const input = { period: request.params.period, reason: cleanReason(request.query.reason) };
      return ctx.db.kysely.transaction().execute((trx) => unlockPeriod(trx, policy.actor, input, ctx.now()));
    },
  );
}
