import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../modules/auth/actor.ts';
import { actorForToken } from '../modules/auth/auth.service.ts';
import { LoginLimiter } from '../modules/auth/login-limiter.ts';
import { LiveFacts, type SnapshotPolicy } from '../modules/tracking/live-facts.ts';
import type { App, AppContext } from './context.ts';
import { handleError } from './errors.ts';
import { ROUTE_MODULES } from './routes.ts';
import { sessionToken } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    facts: LiveFacts;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (first-run setup, sign-in). Every other API route needs one. */
    public?: boolean;
  }
}

export const CSRF_HEADER = 'x-attain-request';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

const DEFAULT_WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export interface AppOptions {
  readonly db: Db;
  readonly now?: () => Date;
  readonly logger?: boolean;
  /** Folder of the built web app; defaults to packages/web/dist when it exists. */
  readonly webDist?: string | null;
  /** Poll the database for changes and keep the fact store fresh (milliseconds); off by default. */
  readonly pollFactsMs?: number;
  /** Keep the fact store in a snapshot file for fast restarts (`attain serve`); off by default. */
  readonly factSnapshot?: SnapshotPolicy | null;
}

/** The whole HTTP application: API under /api/v1, OpenAPI at /api/docs, the web app at /. */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 10 * 1024 * 1024,
    // A busy 2-core host can take more than Fastify's default 10 s to load the plugins.
    pluginTimeout: 120_000,
  }).withTypeProvider() as App;
  const ctx: AppContext = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    loginLimiter: new LoginLimiter(),
    facts: new LiveFacts(options.db.kysely, { snapshot: options.factSnapshot ?? null }),
  };
  app.decorate('facts', ctx.facts);
  // Polling (and so the first store load, which can take long on a big database) starts only
  // once every plugin has loaded: a load blocking the event loop earlier trips plugin timeouts.
  const pollFactsMs = options.pollFactsMs;
  if (pollFactsMs) app.addHook('onReady', async () => ctx.facts.start(pollFactsMs));
  app.addHook('onClose', async () => ctx.facts.stop());

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('actor', null);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Attain API', version: '1' } },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Writes need a custom header that a cross-site form or image cannot send (CSRF defence
  // on top of the SameSite session cookie); then the session decides who is acting.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== '1') {
      throw new AppError('csrf_rejected', `writes must send the header ${CSRF_HEADER}: 1`);
    }
    const token = sessionToken(request);
    request.actor = token ? await actorForToken(ctx.db.kysely, token, ctx.now()) : null;
    // Authentication comes before validation, so an anonymous caller learns nothing from 400s.
    if (!request.actor && !request.routeOptions.config?.public) {
      throw new AppError('unauthenticated', 'sign in first');
    }
  });

  await app.register(
    async (api) => {
      for (const register of ROUTE_MODULES) await register(api as App, ctx);
      api.all('/*', { config: { public: true } }, async () => {
        throw new AppError('not_found', 'no such API endpoint');
      });
    },
    { prefix: '/api/v1' },
  );

  const webDist = options.webDist === undefined ? DEFAULT_WEB_DIST : options.webDist;
  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDist, wildcard: true });
    // Client-side routes (/dashboard, /import…) load the single-page app; a missing file
    // (a stale tab asking for an old /assets/x.js) is a plain 404, not the page.
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path)) {
        return reply.sendFile('index.html');
      }
      return reply.status(404).send({ error: { code: 'not_found', message: 'not found' } });
    });
  }
  return app;
}
