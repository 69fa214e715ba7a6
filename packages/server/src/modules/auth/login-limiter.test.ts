import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeDb, type TestDb } from '../../../test/db.ts';
import { clearLoginFailures, LoginLimiter } from './login-limiter.ts';

// The limiter counts failures kept in the database: any process on it sees the same counts.
describeDb('login limiter', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db?.drop();
  });

  const limiter = new LoginLimiter(3, 5, 60_000);
  const t0 = Date.parse('2026-11-23T10:00:00Z');
  const at = (seconds: number) => new Date(t0 + seconds * 1000);
  const rows = async () =>
    (await db.kysely.selectFrom('login_failures').selectAll().orderBy('at').execute()).map((r) => r.key);

  it('blocks a login after its failures within the window, and forgets them once they are older', async () => {
    for (let i = 0; i < 3; i++) await limiter.recordFailure(db.kysely, 'a', '10.0.0.1', at(i));
    expect(await limiter.isBlocked(db.kysely, 'a', '10.0.0.2', at(10))).toBe(true);
    expect(await limiter.isBlocked(db.kysely, 'b', '10.0.0.1', at(10))).toBe(false); // 3 of 5 for the address
    expect(await limiter.isBlocked(db.kysely, 'a', '10.0.0.2', at(59))).toBe(true); // the window is 60 s
    expect(await limiter.isBlocked(db.kysely, 'a', '10.0.0.2', at(61))).toBe(false); // only at(2) is left
  });

  it('blocks an address after failures on many logins', async () => {
    for (const login of ['b', 'c']) await limiter.recordFailure(db.kysely, login, '10.0.0.1', at(30));
    expect(await limiter.isBlocked(db.kysely, 'someone-else', '10.0.0.1', at(31))).toBe(true);
    expect(await limiter.isBlocked(db.kysely, 'someone-else', '10.0.0.9', at(31))).toBe(false);
  });

  it("clears a login's failures, not its address's", async () => {
    await clearLoginFailures(db.kysely, 'a');
    expect(await limiter.isBlocked(db.kysely, 'a', '10.0.0.2', at(31))).toBe(false);
    expect(await limiter.isBlocked(db.kysely, 'a', '10.0.0.1', at(31))).toBe(true);
  });

  it('deletes failures older than the window when a new one arrives', async () => {
    expect((await rows()).length).toBe(7); // a's 3 cleared: 3 for the address, 2 + 2 for b and c
    await limiter.recordFailure(db.kysely, 'd', '10.0.0.5', at(95));
    // The window is 60 s: every earlier failure (0–30 s) is at or before 35 s, and deleted.
    expect((await rows()).sort()).toEqual(['ip:10.0.0.5', 'login:d']);
  });
});
