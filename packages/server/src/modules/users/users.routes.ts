import { z } from 'zod';
import type { RouteModule } from '../../http/context.ts';
import { requireActor, requireRole } from '../auth/actor.ts';
import { listUsersWithPeople } from '../auth/auth.repository.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/auth.service.ts';
import { ROLES } from '../entities/entities.ts';
import { createLogin, updateUser } from './users.service.ts';

const userView = (u: {
  id: string;
  login: string;
  display_name: string;
  role: string;
  person_id: string | null;
  person_name?: string | null;
  disabled: number;
  created_at: string;
}) => ({
  id: u.id,
  login: u.login,
  displayName: u.display_name,
  role: u.role,
  personId: u.person_id,
  personName: u.person_name ?? null,
  disabled: u.disabled === 1,
  createdAt: u.created_at,
});

/**
 * Logins (admin only). A login is tied to a person by id; its role defaults to theirs. A login is
 * changed, never deleted: disabling it keeps its audit trail and frees nothing to reuse.
 */
export const usersRoutes: RouteModule = (app, ctx) => {
  app.get('/users', { schema: { tags: ['users'] } }, async (request) => {
    requireRole(requireActor(request.actor), 'admin');
    return { rows: (await listUsersWithPeople(ctx.db.kysely)).map(userView) };
  });

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        body: z.object({
          login: z.string().trim().min(1),
          password: z.string().min(MIN_PASSWORD_LENGTH),
          personId: z.string().trim().min(1).nullable().default(null),
          role: z.enum(ROLES).optional(),
          displayName: z.string().trim().min(1).optional(),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      requireRole(actor, 'admin');
      const created = await createLogin(ctx.db.kysely, actor, request.body, ctx.now());
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        params: z.object({ id: z.string().min(1) }),
        body: z
          .object({
            role: z.enum(ROLES).optional(),
            displayName: z.string().trim().min(1).optional(),
            password: z.string().min(MIN_PASSWORD_LENGTH).optional(),
            disabled: z.boolean().optional(),
          })
          .strict()
          .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' }),
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      requireRole(actor, 'admin');
      const updated = await updateUser(ctx.db.kysely, actor, request.params.id, request.body, ctx.now());
      return userView(updated);
    },
  );
};
