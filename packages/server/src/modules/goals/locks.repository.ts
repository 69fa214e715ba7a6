import { parsePeriod } from '@attain/engine';
import type { Kysely, Transaction } from 'kysely';
import type { Database, GoalLocksTable } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export type GoalLockRow = GoalLocksTable;

export async function listLocks(db: Executor): Promise<GoalLockRow[]> {
  return db.selectFrom('goal_locks').selectAll().orderBy('period').execute();
}

export async function findLock(db: Executor, period: string): Promise<GoalLockRow | undefined> {
  return db.selectFrom('goal_locks').selectAll().where('period', '=', period).executeTakeFirst();
}

export async function insertLock(db: Executor, row: GoalLockRow): Promise<void> {
  await db.insertInto('goal_locks').values(row).execute();
}

export async function deleteLock(db: Executor, period: string): Promise<void> {
  await db.deleteFrom('goal_locks').where('period', '=', period).execute();
}

/**
 * The locks that cover a goal period: a lock on P covers every period lying wholly inside P
 * (locking `2026` locks its halves, quarters, months and the ISO weeks within the year).
 */
export function locksCovering(locks: readonly GoalLockRow[], periodKey: string): GoalLockRow[] {
  const period = parsePeriod(periodKey);
  if (!period) return locks.filter((lock) => lock.period === periodKey);
  return locks.filter((lock) => {
    const locked = parsePeriod(lock.period);
    return locked !== null && locked.start <= period.start && period.end <= locked.end;
  });
}

/**
 * Whether changing a goal of `periodKey` needs a reason (a lock covers it). For the import,
 * which must ask for a reason on locked periods too (docs/goals.md §Locks).
 * @example await isPeriodLocked(db, '2026-03') // true after POST /goals/locks { period: '2026' }
 */
export async function isPeriodLocked(db: Executor, periodKey: string): Promise<boolean> {
  return locksCovering(await listLocks(db), periodKey).length > 0;
}
