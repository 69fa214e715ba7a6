import { z } from 'zod';
import type { RouteModule } from '../../http/context.ts';
import { resolveScope } from '../access/request-scope.ts';
import { requireActor } from '../auth/actor.ts';
import { getPerson, listPeople, orgTree } from './org.service.ts';

export const orgRoutes: RouteModule = (app, ctx) => {
  app.get('/org/tree', { schema: { tags: ['org'] } }, async (request) => {
    const { dir, scope, today } = await resolveScope(ctx, requireActor(request.actor));
    return { units: orgTree(dir, scope, today) };
  });

  app.get(
    '/people',
    {
      schema: {
        tags: ['org'],
        querystring: z.object({
          unitId: z.string().optional(),
          includeSubunits: z.enum(['true', 'false']).default('true'),
          q: z.string().trim().max(100).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
        }),
      },
    },
    async (request) => {
      const { dir, scope, today } = await resolveScope(ctx, requireActor(request.actor));
      const query = { ...request.query, includeSubunits: request.query.includeSubunits === 'true' };
      return listPeople(ctx.db.kysely, dir, scope, today, query);
    },
  );

  app.get(
    '/people/:id',
    { schema: { tags: ['org'], params: z.object({ id: z.string().min(1) }) } },
    async (request) => {
      const { dir, scope, today } = await resolveScope(ctx, requireActor(request.actor));
      return getPerson(ctx.db.kysely, dir, scope, today, request.params.id);
    },
  );
};
