import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { RouteModule } from '../../http/context.ts';
import { requireActor, requireRole } from '../auth/actor.ts';
import { listUsers } from '../auth/auth.repository.ts';
import { createUser, MIN_PASSWORD_LENGTH } from '../auth/auth.service.ts';
import { ROLES } from '../entities/entities.ts';

const userView = (u: {
  id: string;
  login: string;
  display_name: string;
  role: string;
  person_id: string | null;
  disabled: number;
}) => ({
  id: u.id,
  login: u.login,
  displayName: u.display_name,
  role: u.role,
  personId: u.person_id,
  disabled: u.disabled === 1,
});

/** Logins (admin only). A login is tied to a person by id; its role defaults to theirs. */
export const usersRoutes: RouteModule = (app, ctx) => {
  app.get('/users', { schema: { tags: ['users'] } }, async (request) => {
    requireRole(requireActor(request.actor), 'admin');
    return { rows: (await listUsers(ctx.db.kysely)).map(userView) };
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
      const { personId, ...body } = request.body;
      const person = personId
        ? await ctx.db.kysely
            .selectFrom('people')
            .select(['name', 'role'])
            .where('id', '=', personId)
            .executeTakeFirst()
        : undefined;
      if (personId && !person) throw new AppError('validation_failed', `no person ${personId}`, 'personId');
      const role = body.role ?? (person?.role as (typeof ROLES)[number] | undefined);
      if (!role) throw new AppError('validation_failed', 'a login without a person needs a role', 'role');
      const displayName = body.displayName ?? person?.name ?? body.login;
      const created = await createUser(
        ctx.db.kysely,
        actor,
        { ...body, role, displayName, personId },
        ctx.now(),
      );
      return reply.status(201).send(created);
    },
  );
};
