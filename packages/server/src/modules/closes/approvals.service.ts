/**
 * Approving a close run (rule: approvals.policy.ts; docs/pay.md). One transaction per approval,
 * with its audit entry. Only the newest run of a period can be approved: an older one is superseded.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { type OrgDirectory, subtreeOf, unitOn } from '../access/org-directory.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { pendingApprovalUnits, requiredApprovalUnits } from './approvals.policy.ts';
import {
  type CloseApproval,
  type CloseRun,
  type CloseState,
  findCloseRun,
  findLatestRunOfPeriod,
  insertApproval,
  listApprovals,
  updateCloseState,
} from './closes.repository.ts';
import { lockPayWriters } from './pay-write-lock.ts';

export interface ApprovalStatus {
  readonly state: CloseState;
  readonly approvals: readonly CloseApproval[];
  /** Units whose manager approval the run needs, and those still missing. */
  readonly requiredUnits: readonly string[];
  readonly pendingUnits: readonly string[];
}

export async function approvalStatusOf(
  db: Kysely<Database>,
  dir: OrgDirectory,
  run: CloseRun,
  today: string,
): Promise<ApprovalStatus> {
  const approvals = await listApprovals(db, run.id);
  const requiredUnits = requiredApprovalUnits(dir, run.json.people, today);
  const byManagers = approvals.filter((a) => a.stage === 'manager');
  const pendingUnits =
    run.state !== 'draft' || byManagers.some((a) => a.unitId === null)
      ? []
      : pendingApprovalUnits(
          dir,
          requiredUnits,
          byManagers.map((a) => a.unitId as string),
        );
  return { state: run.state, approvals, requiredUnits, pendingUnits };
}

const GLOBAL_APPROVERS = new Set(['hr', 'admin']);
const FINANCE_APPROVERS = new Set(['finance', 'admin']);

/**
 * Records `actor`'s approval of run `id` and advances its state when a stage is complete.
 * @example await approveClose(db, dir, managerActor, 7, '2026-10-06') // { state: 'draft', pendingUnits: ['T2'], … }
 */
export async function approveClose(
  db: Kysely<Database>,
  dir: OrgDirectory,
  actor: Actor,
  id: number,
  today: string,
  comment: string | null,
  now = new Date(),
): Promise<ApprovalStatus> {
  await db.transaction().execute(async (trx) => {
    await lockPayWriters(trx);
    const run = await findCloseRun(trx, id);
    if (!run) throw notFound(`close run ${id}`);
    const latest = await findLatestRunOfPeriod(trx, run.period);
    if (latest && latest.id !== run.id)
      throw new AppError('conflict', `run ${id} is superseded by run ${latest.id} of ${run.period}`);
    if (run.state === 'finance_approved')
      throw new AppError('conflict', `run ${id} is already approved by finance`);
    const record = async (approval: Omit<CloseApproval, 'at' | 'comment'>, next: CloseState | null) => {
      await insertApproval(trx, id, { ...approval, at: now.toISOString(), comment });
      if (next) await updateCloseState(trx, id, next);
      await appendAudit(
        trx,
        actor,
        {
          action: 'close.approve',
          entity: 'close',
          entityId: String(id),
          before: { state: run.state },
          after: { state: next ?? run.state },
          detail: { stage: approval.stage, unit: approval.unitId, comment },
        },
        now,
      );
    };
    const base = { approver: actor.login, approverRole: actor.role, personId: actor.personId };

    if (run.state === 'manager_approved') {
      if (!FINANCE_APPROVERS.has(actor.role))
        throw actor.role === 'manager'
          ? new AppError('conflict', `run ${id} is already approved by the managers; finance approves next`)
          : new AppError('forbidden', 'finance approval needs the role finance or admin');
      await record({ ...base, stage: 'finance', unitId: null }, 'finance_approved');
      return;
    }
    // Draft: the manager stage.
    if (GLOBAL_APPROVERS.has(actor.role)) {
      await record({ ...base, stage: 'manager', unitId: null }, 'manager_approved');
      return;
    }
    if (actor.role === 'finance')
      throw new AppError('conflict', `run ${id} waits for the managers' approval before finance`);
    const unit = actor.role === 'manager' && actor.personId ? unitOn(dir, actor.personId, today) : null;
    if (!unit)
      throw new AppError('forbidden', 'approving a close needs the role manager, hr, finance or admin');
    const required = requiredApprovalUnits(dir, run.json.people, today);
    const mine = subtreeOf(dir, unit);
    if (!required.some((u) => mine.has(u)))
      throw new AppError('forbidden', `no one in run ${id} waits for your approval`);
    const approvals = await listApprovals(trx, id);
    if (approvals.some((a) => a.stage === 'manager' && a.personId === actor.personId))
      throw new AppError('conflict', `you have already approved run ${id}`);
    const approvedUnits = [...approvals.map((a) => a.unitId).filter((u): u is string => u !== null), unit];
    const complete = pendingApprovalUnits(dir, required, approvedUnits).length === 0;
    await record({ ...base, stage: 'manager', unitId: unit }, complete ? 'manager_approved' : null);
  });
  const run = (await findCloseRun(db, id)) as CloseRun;
  return approvalStatusOf(db, dir, run, today);
}
