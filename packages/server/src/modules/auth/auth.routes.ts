import { z } from 'zod';
import type { RouteModule } from '../../http/context.ts';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../../http/session-cookie.ts';
import { permissionsOf } from '../access/permissions.ts';
import { requireActor } from './actor.ts';
import { login, logout, MIN_PASSWORD_LENGTH, needsSetup, setupAdmin, startSession } from './auth.service.ts';

const actorSchema = z.object({
  userId: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: z.string(),
  personId: z.string().nullable(),
});

const meSchema = z.object({ user: actorSchema, permissions: z.record(z.string(), z.boolean()) });

export const authRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/setup',
    {
      config: { public: true },
      schema: { tags: ['auth'], response: { 200: z.object({ needsSetup: z.boolean() }) } },
    },
    async () => ({ needsSetup: await needsSetup(ctx.db.kysely) }),
  );

  app.post(
    '/setup',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        body: z.object({
          login: z.string().trim().min(1),
          password: z.string().min(MIN_PASSWORD_LENGTH),
          displayName: z.string().trim().min(1),
        }),
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const actor = await setupAdmin(ctx.db.kysely, request.body, ctx.now());
      const session = await startSession(ctx.db.kysely, actor, ctx.now());
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return { user: actor, permissions: permissionsOf(actor) };
    },
  );

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        body: z.object({ login: z.string().trim().min(1), password: z.string().min(1) }),
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const session = await login(
        ctx.db.kysely,
        ctx.loginLimiter,
        { ...request.body, clientAddress: request.ip },
        ctx.now(),
      );
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return { user: session.actor, permissions: permissionsOf(session.actor) };
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'] } },
    async (request, reply) => {
      const token = sessionToken(request);
      if (token) await logout(ctx.db.kysely, token);
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: meSchema } } }, async (request) => {
    const actor = requireActor(request.actor);
    return { user: actor, permissions: permissionsOf(actor) };
  });
};
