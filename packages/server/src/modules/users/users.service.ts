/**
 * Changing a login (admin only, docs/access.md: logins): its role, display name, password, or
 * whether it may sign in. Disabling a login or setting its password signs it out everywhere;
 * the audit entry records what changed, never a password or its hash.
 *
 * The one rule beyond validation: the system never loses its last enabled admin — an admin
 * cannot disable or demote the only enabled admin (themselves, necessarily), which would leave
 * nobody able to manage logins.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import {
  countEnabledAdmins,
  deleteSessionsOfUser,
  findUserById,
  type UserRow,
  updateUserRow,
} from '../auth/auth.repository.ts';
import { checkPasswordRule, createUser } from '../auth/auth.service.ts';
import { clearLoginFailures } from '../auth/login-limiter.ts';
import { hashPassword } from '../auth/password.ts';
import { isRole, type Role } from '../entities/roles.ts';

export interface NewLogin {
  readonly login: string;
  readonly password: string;
  readonly personId: string | null;
  readonly role?: Role;
  readonly displayName?: string;
}

/**
 * A new login, tied to a person or not. Tied, it takes the person's role and name unless given
 * others; a person has at most one enabled login (two would split one person's audit trail).
 */
export async function createLogin(
  db: Kysely<Database>,
  actor: Actor,
  login: NewLogin,
  now: Date,
): Promise<Actor> {
  const person = login.personId
    ? await db
        .selectFrom('people')
        .select(['name', 'role'])
        .where('id', '=', login.personId)
        .executeTakeFirst()
    : undefined;
  if (login.personId && !person) {
    throw new AppError('validation_failed', `no person ${login.personId}`, 'personId');
  }
  if (login.personId) {
    const existing = await db
      .selectFrom('users')
      .select('login')
      .where('person_id', '=', login.personId)
      .where('disabled', '=', 0)
      .executeTakeFirst();
    if (existing) {
      throw new AppError(
        'conflict',
        `person ${login.personId} already signs in as ${existing.login}`,
        'personId',
      );
    }
  }
  const role = login.role ?? (person && isRole(person.role) ? person.role : undefined);
  if (!role) throw new AppError('validation_failed', 'a login without a person needs a role', 'role');
  const displayName = login.displayName ?? person?.name ?? login.login;
  return createUser(db, actor, { ...login, role, displayName }, now);
}

export interface UserChanges {
  readonly role?: Role;
  readonly displayName?: string;
  readonly password?: string;
  readonly disabled?: boolean;
}

/** What an audit entry and the API show of a login. */
const auditedFields = (u: Pick<UserRow, 'role' | 'display_name' | 'disabled'>) => ({
  role: u.role,
  displayName: u.display_name,
  disabled: u.disabled === 1,
});

export async function updateUser(
  db: Kysely<Database>,
  actor: Actor,
  userId: string,
  changes: UserChanges,
  now: Date,
): Promise<UserRow> {
  if (changes.password !== undefined) checkPasswordRule(changes.password);
  // Hashing takes ~50 ms of CPU: outside the transaction, so SQLite's writer is not held for it.
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  return db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, userId);
    if (!before) throw notFound(`user ${userId}`);
    const row: Partial<Pick<UserRow, 'role' | 'display_name' | 'password_hash' | 'disabled'>> = {};
    if (changes.role !== undefined) row.role = changes.role;
    if (changes.displayName !== undefined) row.display_name = changes.displayName;
    if (passwordHash !== undefined) row.password_hash = passwordHash;
    if (changes.disabled !== undefined) row.disabled = changes.disabled ? 1 : 0;
    const after = { ...before, ...row };

    const wasAdmin = before.role === 'admin' && before.disabled === 0;
    const staysAdmin = after.role === 'admin' && after.disabled === 0;
    if (wasAdmin && !staysAdmin && (await countEnabledAdmins(trx)) <= 1) {
      throw new AppError(
        'conflict',
        'this is the only enabled admin: make another login admin first',
        changes.disabled ? 'disabled' : 'role',
      );
    }

    await updateUserRow(trx, userId, row);
    if (after.disabled === 1 || passwordHash !== undefined) await deleteSessionsOfUser(trx, userId);
    // A new password from an admin is the way out of a sign-in block (login-limiter.ts).
    if (passwordHash !== undefined) await clearLoginFailures(trx, before.login);
    await appendAudit(
      trx,
      actor,
      {
        action: 'update',
        entity: 'users',
        entityId: userId,
        before: auditedFields(before),
        after: { ...auditedFields(after), ...(passwordHash === undefined ? {} : { passwordReset: true }) },
      },
      now,
    );
    return after;
  });
}
