import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/database.ts';
import type { LoginLimiter } from '../modules/auth/login-limiter.ts';
import type { LiveFacts } from '../modules/tracking/live-facts.ts';

/** What every route module receives: the database and the clock (tests pin the clock). */
export interface AppContext {
  readonly db: Db;
  readonly now: () => Date;
  readonly loginLimiter: LoginLimiter;
  /** The in-memory fact store the metrics and dashboards read. */
  readonly facts: LiveFacts;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A feature's routes: registered under /api/v1 by buildApp. */
export type RouteModule = (app: App, ctx: AppContext) => void | Promise<void>;
