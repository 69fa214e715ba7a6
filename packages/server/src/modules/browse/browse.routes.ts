import { z } from 'zod';
import type { RouteModule } from '../../http/context.ts';
import { resolveScope } from '../access/request-scope.ts';
import { requireActor } from '../auth/actor.ts';
import { ENTITIES, ENTITY_NAMES } from '../entities/entities.ts';
import { referenceNames } from './browse.names.ts';
import { presentEntitySpec, presentRow } from './browse.presenter.ts';
import { browseQuerySchema } from './browse.query.ts';
import { browseEntity } from './browse.repository.ts';

const entityParams = z.object({ entity: z.enum(ENTITY_NAMES) });

export const browseRoutes: RouteModule = (app, ctx) => {
  app.get('/entities', { schema: { tags: ['data'] } }, async (request) => {
    requireActor(request.actor);
    return ENTITY_NAMES.map((name) => presentEntitySpec(ENTITIES[name]));
  });

  app.get(
    '/entities/:entity/rows',
    { schema: { tags: ['data'], params: entityParams, querystring: browseQuerySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const { scope } = await resolveScope(ctx, actor);
      const spec = ENTITIES[request.params.entity];
      const page = await browseEntity(ctx.db.kysely, spec.name, scope, request.query);
      const names = await referenceNames(ctx.db.kysely, spec, page.rows, scope);
      return { total: page.total, rows: page.rows.map((row) => presentRow(spec, row)), names };
    },
  );
};
