import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, UsersTable } from '../../db/schema.ts';
import { isRole } from '../entities/roles.ts';
import type { Actor } from './actor.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type UserRow = Selectable<UsersTable>;

export function toActor(user: UserRow): Actor {
  if (!isRole(user.role)) throw new Error(`user ${user.login} has an unknown role ${user.role}`);
  return {
    userId: user.id,
    login: user.login,
    displayName: user.display_name,
    role: user.role,
    personId: user.person_id,
  };
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findUserByLogin(db: Executor, login: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
}

/**
 * The user signing in as `name`: by login first, else by the email of the person the login is
 * tied to (logins are tied to people by id; their email works too). Email match ignores case.
 */
export async function findUserForSignIn(db: Executor, name: string): Promise<UserRow | undefined> {
  const byLogin = await findUserByLogin(db, name);
  if (byLogin || !name.includes('@')) return byLogin;
  return db
    .selectFrom('users')
    .innerJoin('people', 'people.id', 'users.person_id')
    .selectAll('users')
    .where((eb) => eb(eb.fn('lower', ['people.email']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

export async function insertUser(db: Executor, user: Omit<UserRow, 'disabled'>): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function insertSession(
  db: Executor,
  session: { id: string; userId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The user of a live session (not expired, user not disabled). */
export function findSessionUser(
  db: Executor,
  sessionId: string,
  nowIso: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', nowIso)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Logins with the name of the person each is tied to (null for a login without a person). */
export function listUsersWithPeople(db: Executor): Promise<(UserRow & { person_name: string | null })[]> {
  return db
    .selectFrom('users')
    .leftJoin('people', 'people.id', 'users.person_id')
    .selectAll('users')
    .select('people.name as person_name')
    .orderBy('users.login')
    .execute();
}

export async function updateUserRow(
  db: Executor,
  id: string,
  changes: Partial<Pick<UserRow, 'role' | 'display_name' | 'password_hash' | 'disabled'>>,
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** Signs a user out everywhere. */
export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function countEnabledAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
