import { z } from 'zod';
import type { RouteModule } from '../../http/context.ts';
import { requireActor, requireRole } from '../auth/actor.ts';
import { listAudit } from './audit.repository.ts';

export const auditRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
          entity: z.string().optional(),
          actor: z.string().optional(),
        }),
      },
    },
    async (request) => {
      requireRole(requireActor(request.actor), 'admin');
      return listAudit(ctx.db.kysely, request.query);
    },
  );
};
