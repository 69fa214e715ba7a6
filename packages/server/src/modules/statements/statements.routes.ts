import { z } from 'zod';
import type { RouteModule } from '../../http/context.ts';
import { resolveScope } from '../access/request-scope.ts';
import { requireActor } from '../auth/actor.ts';
import { listLineEvents } from './statement-events.ts';
import { buildStatement, whatIf } from './statements.service.ts';

const personParams = z.object({ personId: z.string().min(1) });
const lineParams = personParams.extend({ component: z.string().min(1) });
const closeQuery = z.object({
  closeId: z.coerce.number().int().positive().optional(),
  period: z.string().min(1).optional(),
});
const eventsQuery = closeQuery.extend({
  page: z.coerce.number().int().positive().default(1),
  pageSize: z.coerce.number().int().positive().max(500).default(50),
});
const MONEY = /^-?\d+(\.\d{1,2})?$/;
const whatIfBody = z.object({
  closeId: z.number().int().positive().optional(),
  period: z.string().min(1).optional(),
  deltas: z.record(z.string(), z.string().regex(MONEY, 'an amount with at most 2 decimals, e.g. "12345.67"')),
});

/**
 * Statements (docs/pay.md): a rep reads his own, a manager his subtree's, hr/finance/admin all;
 * anything else answers 404, as if it did not exist (STYLE.md §7).
 */
export const statementsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/statements/:personId',
    { schema: { tags: ['statements'], params: personParams, querystring: closeQuery } },
    async (request) => {
      const actor = requireActor(request.actor);
      const access = await resolveScope(ctx, actor);
      return buildStatement(ctx, actor, access, request.params.personId, request.query);
    },
  );

  app.get(
    '/statements/:personId/lines/:component/events',
    { schema: { tags: ['statements'], params: lineParams, querystring: eventsQuery } },
    async (request) => {
      const actor = requireActor(request.actor);
      const access = await resolveScope(ctx, actor);
      const { personId, component } = request.params;
      return listLineEvents(ctx, actor, access, personId, component, request.query);
    },
  );

  app.post(
    '/statements/:personId/what-if',
    { schema: { tags: ['statements'], params: personParams, body: whatIfBody } },
    async (request) => {
      const actor = requireActor(request.actor);
      const access = await resolveScope(ctx, actor);
      const { deltas, ...choice } = request.body;
      return whatIf(ctx, actor, access, request.params.personId, choice, deltas);
    },
  );
};
