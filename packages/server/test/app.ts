import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, CSRF_HEADER } from '../src/http/app.ts';
import type { App } from '../src/http/context.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import { createUser, type NewUser } from '../src/modules/auth/auth.service.ts';
import { createTestDb, type TestDb } from './db.ts';

export const TEST_PASSWORD = 'correct-horse-1';

export interface TestApp {
  readonly app: App;
  readonly db: TestDb;
  /** Creates a login (password TEST_PASSWORD) and returns a client signed in as it. */
  signIn(user: Omit<NewUser, 'password' | 'displayName'> & { displayName?: string }): Promise<Client>;
  /** A client with no session. */
  anonymous(): Client;
}

/** Sends requests as one browser would: with its session cookie and the CSRF header on writes. */
export interface Client {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

function clientFor(app: App, cookie?: string): Client {
  const request = (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: { [CSRF_HEADER]: '1', ...(cookie ? { cookie } : {}), ...options.headers },
    });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
  };
}

/** One app on one fresh database for the whole test file. */
export function useTestApp(options: { now?: () => Date } = {}): TestApp {
  const holder = {} as { app: App; db: TestDb };
  beforeAll(async () => {
    holder.db = await createTestDb();
    holder.app = await buildApp({ db: holder.db, now: options.now, webDist: null });
  });
  afterAll(async () => {
    await holder.app?.close();
    await holder.db?.drop();
  });
  return {
    get app() {
      return holder.app;
    },
    get db() {
      return holder.db;
    },
    anonymous: () => clientFor(holder.app),
    async signIn(user) {
      const existing = await holder.db.kysely
        .selectFrom('users')
        .select('id')
        .where('login', '=', user.login)
        .executeTakeFirst();
      if (!existing) {
        await createUser(
          holder.db.kysely,
          SYSTEM_ACTOR,
          { displayName: user.login, ...user, password: TEST_PASSWORD },
          new Date(),
        );
      }
      const response = await clientFor(holder.app).post('/api/v1/auth/login', {
        login: user.login,
        password: TEST_PASSWORD,
      });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
      const cookie = String(response.headers['set-cookie']).split(';')[0];
      return clientFor(holder.app, cookie);
    },
  };
}
