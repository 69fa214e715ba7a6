/** Locking goal periods (docs/goals.md §Locks): after a lock, every goal change needs a reason. */
import { parsePeriod } from '@attain/engine';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import {
  deleteLock,
  findLock,
  type GoalLockRow,
  insertLock,
  listLocks,
  locksCovering,
} from './locks.repository.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface LockView {
  readonly period: string;
  readonly lockedBy: string;
  readonly lockedAt: string;
  readonly reason: string | null;
}

export const presentLock = (row: GoalLockRow): LockView => ({
  period: row.period,
  lockedBy: row.locked_by,
  lockedAt: row.locked_at,
  reason: row.reason,
});

export const cleanReason = (reason: string | null | undefined): string | null => {
  const text = reason?.trim() ?? '';
  return text === '' ? null : text;
};

/**
 * Throws `validation_failed` on field `reason` when a lock covers any of the periods and no
 * reason is given; returns the locked periods touched (for the audit detail).
 */
export async function requireReasonIfLocked(
  db: Executor,
  periods: readonly string[],
  reason: string | null,
): Promise<string[]> {
  const locks = await listLocks(db);
  const locked = [...new Set(periods)].filter((p) => locksCovering(locks, p).length > 0);
  if (locked.length > 0 && reason === null) {
    throw new AppError(
      'validation_failed',
      `goals of ${locked.join(', ')} are locked: give a reason for the change`,
      'reason',
    );
  }
  return locked;
}

export async function lockPeriod(
  trx: Executor,
  actor: Actor,
  input: { period: string; reason: string | null },
  now: Date,
): Promise<LockView> {
  if (!parsePeriod(input.period))
    throw new AppError('validation_failed', `not a period: ${input.period}`, 'period');
  if (await findLock(trx, input.period))
    throw new AppError('conflict', `goals of ${input.period} are already locked`, 'period');
  const row: GoalLockRow = {
    period: input.period,
    locked_by: actor.login,
    locked_at: now.toISOString(),
    reason: input.reason,
  };
  await insertLock(trx, row);
  await appendAudit(
    trx,
    actor,
    {
      action: 'lock',
      entity: 'goal_locks',
      entityId: row.period,
      after: presentLock(row),
      detail: { reason: row.reason },
    },
    now,
  );
  return presentLock(row);
}

export async function unlockPeriod(
  trx: Executor,
  actor: Actor,
  input: { period: string; reason: string | null },
  now: Date,
): Promise<LockView> {
  const row = await findLock(trx, input.period);
  if (!row) throw new AppError('not_found', `goals of ${input.period} are not locked`, 'period');
  await deleteLock(trx, input.period);
  await appendAudit(
    trx,
    actor,
    {
      action: 'unlock',
      entity: 'goal_locks',
      entityId: row.period,
      before: presentLock(row),
      detail: { reason: input.reason },
    },
    now,
  );
  return presentLock(row);
}
