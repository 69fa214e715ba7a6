/**
 * Login rate limit: at most `perLogin` failed attempts for one login and `perAddress` for one
 * client address within `windowMs` (the address limit is higher: a whole office may share one
 * NAT address). A success, or an admin setting a new password, clears the login's count.
 *
 * The failures are rows of the database (`login_failures`), not memory: several server
 * processes on one PostgreSQL database count them together, and a restart does not forgive
 * them. Rows older than the window are deleted as new failures arrive, so the table stays small.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Executor = Kysely<Database>;

const loginKey = (login: string) => `login:${login}`;
const addressKey = (address: string) => `ip:${address}`;

export class LoginLimiter {
  constructor(
    private readonly perLogin = 5,
    private readonly perAddress = 30,
    private readonly windowMs = 5 * 60_000,
  ) {}

  async isBlocked(db: Executor, login: string, address: string, now: Date): Promise<boolean> {
    const counts = await db
      .selectFrom('login_failures')
      .select(['key', (eb) => eb.fn.countAll<number>().as('n')])
      .where('key', 'in', [loginKey(login), addressKey(address)])
      .where('at', '>', this.windowStart(now))
      .groupBy('key')
      .execute();
    const count = (key: string) => Number(counts.find((row) => row.key === key)?.n ?? 0);
    return count(loginKey(login)) >= this.perLogin || count(addressKey(address)) >= this.perAddress;
  }

  async recordFailure(db: Executor, login: string, address: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await db.deleteFrom('login_failures').where('at', '<=', this.windowStart(now)).execute();
    await db
      .insertInto('login_failures')
      .values([
        { key: loginKey(login), at },
        { key: addressKey(address), at },
      ])
      .execute();
  }

  private windowStart(now: Date): string {
    return new Date(now.getTime() - this.windowMs).toISOString();
  }
}

/**
 * Forgets a login's failed sign-ins: after it signs in, or an admin sets its password. Its
 * address's failures stay: they may be someone else's.
 */
export async function clearLoginFailures(db: Executor, login: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', loginKey(login)).execute();
}
