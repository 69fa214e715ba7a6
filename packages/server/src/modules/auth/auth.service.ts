import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Role } from '../entities/roles.ts';
import { type Actor, SYSTEM_ACTOR } from './actor.ts';
import {
  countUsers,
  deleteSession,
  findSessionUser,
  findUserByLogin,
  findUserForSignIn,
  insertSession,
  insertUser,
  toActor,
} from './auth.repository.ts';
import { clearLoginFailures, type LoginLimiter } from './login-limiter.ts';
import { hashPassword, verifyPassword } from './password.ts';

export const SESSION_DAYS = 14;
export const MIN_PASSWORD_LENGTH = 8;

// The cookie carries a random token; the database keeps only its hash, so a leaked
// sessions table cannot be replayed.
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface NewUser {
  readonly login: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: Role;
  readonly personId?: string | null;
}

export async function needsSetup(db: Kysely<Database>): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

/** Creates a login. `passwordHash` lets bulk callers (the demo) reuse one hash. */
/** The one password rule, for every way a password is set (setup, a new login, a reset). */
export function checkPasswordRule(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      'validation_failed',
      `password needs at least ${MIN_PASSWORD_LENGTH} characters`,
      'password',
    );
  }
}

export async function createUser(
  db: Kysely<Database>,
  actor: Actor,
  user: NewUser,
  now: Date,
  passwordHash?: string,
): Promise<Actor> {
  checkPasswordRule(user.password);
  const hash = passwordHash ?? (await hashPassword(user.password));
  return db.transaction().execute(async (trx) => {
    if (await findUserByLogin(trx, user.login)) {
      throw new AppError('conflict', `login ${user.login} already exists`, 'login');
    }
    const row = {
      id: randomUUID(),
      login: user.login,
      person_id: user.personId ?? null,
      role: user.role,
      display_name: user.displayName,
      password_hash: hash,
      created_at: now.toISOString(),
    };
    await insertUser(trx, row);
    await appendAudit(trx, actor, {
      action: 'create',
      entity: 'users',
      entityId: row.id,
      after: { login: row.login, role: row.role, personId: row.person_id },
    });
    return toActor({ ...row, disabled: 0 });
  });
}

/** First run: creates the admin, only while no user exists. */
export async function setupAdmin(
  db: Kysely<Database>,
  user: Omit<NewUser, 'role'>,
  now: Date,
): Promise<Actor> {
  if (!(await needsSetup(db))) throw new AppError('setup_done', 'Attain is already set up; sign in instead');
  return createUser(db, SYSTEM_ACTOR, { ...user, role: 'admin' }, now);
}

export interface Session {
  readonly token: string;
  readonly expiresAt: Date;
  readonly actor: Actor;
}

export async function startSession(db: Kysely<Database>, actor: Actor, now: Date): Promise<Session> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(db, {
    id: hashToken(token),
    userId: actor.userId,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { token, expiresAt, actor };
}

export async function login(
  db: Kysely<Database>,
  limiter: LoginLimiter,
  credentials: { login: string; password: string; clientAddress: string },
  now: Date,
): Promise<Session> {
  const { login: name, clientAddress } = credentials;
  if (await limiter.isBlocked(db, name, clientAddress, now)) {
    throw new AppError('rate_limited', 'too many failed sign-ins; wait a few minutes and try again');
  }
  const user = await findUserForSignIn(db, credentials.login);
  const ok = user && user.disabled === 0 && (await verifyPassword(credentials.password, user.password_hash));
  if (!user || !ok) {
    await limiter.recordFailure(db, name, clientAddress, now);
    throw new AppError('unauthenticated', 'wrong login or password');
  }
  await clearLoginFailures(db, name);
  return startSession(db, toActor(user), now);
}

export async function actorForToken(db: Kysely<Database>, token: string, now: Date): Promise<Actor | null> {
  const user = await findSessionUser(db, hashToken(token), now.toISOString());
  return user ? toActor(user) : null;
}

export async function logout(db: Kysely<Database>, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}
