import type { CloseExplanation, CloseJson } from '@attain/engine';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export type CloseState = 'draft' | 'manager_approved' | 'finance_approved';

/** A stored close run without its results (lists). */
export interface CloseRunSummary {
  readonly id: number;
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly asOf: string;
  readonly planVersion: number;
  readonly fingerprint: { readonly dataRevision: number; readonly goalsHash: string };
  readonly state: CloseState;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly reason: string | null;
  readonly previousId: number | null;
}

export interface CloseRun extends CloseRunSummary {
  readonly json: CloseJson;
  readonly explain: CloseExplanation;
}

export interface CloseApproval {
  readonly stage: 'manager' | 'finance';
  readonly approver: string;
  readonly approverRole: string;
  readonly personId: string | null;
  readonly unitId: string | null;
  readonly at: string;
  readonly comment: string | null;
}

const SUMMARY_COLUMNS = [
  'id',
  'period',
  'period_start',
  'period_end',
  'as_of',
  'plan_version',
  'data_revision',
  'goals_hash',
  'state',
  'created_by',
  'created_at',
  'reason',
  'previous_id',
] as const;

type SummaryRow = Pick<Database['close_runs'], (typeof SUMMARY_COLUMNS)[number]>;

function toSummary(r: SummaryRow): CloseRunSummary {
  return {
    id: Number(r.id),
    period: r.period,
    start: r.period_start,
    end: r.period_end,
    asOf: r.as_of,
    planVersion: Number(r.plan_version),
    fingerprint: { dataRevision: Number(r.data_revision), goalsHash: r.goals_hash },
    state: r.state as CloseState,
    createdBy: r.created_by,
    createdAt: r.created_at,
    reason: r.reason,
    previousId: r.previous_id === null ? null : Number(r.previous_id),
  };
}

export type NewCloseRun = Omit<CloseRun, 'id' | 'previousId' | 'state'>;

/** Stores a run numbered after the newest one, linked to the period's previous run. */
export async function insertCloseRun(
  trx: Transaction<Database>,
  run: NewCloseRun,
  previousId: number | null,
): Promise<number> {
  const last = await trx
    .selectFrom('close_runs')
    .select((eb) => eb.fn.max('id').as('last'))
    .executeTakeFirstOrThrow();
  const id = Number(last.last ?? 0) + 1;
  await trx
    .insertInto('close_runs')
    .values({
      id,
      period: run.period,
      period_start: run.start,
      period_end: run.end,
      as_of: run.asOf,
      plan_version: run.planVersion,
      data_revision: run.fingerprint.dataRevision,
      goals_hash: run.fingerprint.goalsHash,
      state: 'draft',
      created_by: run.createdBy,
      created_at: run.createdAt,
      reason: run.reason,
      previous_id: previousId,
      result_json: JSON.stringify(run.json),
      explain_json: JSON.stringify(run.explain),
    })
    .execute();
  return id;
}

export async function findCloseRun(db: Executor, id: number): Promise<CloseRun | null> {
  const row = await db.selectFrom('close_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return { ...toSummary(row), json: JSON.parse(row.result_json), explain: JSON.parse(row.explain_json) };
}

/** Runs newest first, optionally of one period. */
export async function listCloseRuns(db: Executor, period?: string): Promise<CloseRunSummary[]> {
  let query = db.selectFrom('close_runs').select(SUMMARY_COLUMNS);
  if (period) query = query.where('period', '=', period);
  return (await query.orderBy('id', 'desc').execute()).map(toSummary);
}

/** The newest run of a period, or null. */
export async function findLatestRunOfPeriod(db: Executor, period: string): Promise<CloseRunSummary | null> {
  const row = await db
    .selectFrom('close_runs')
    .select(SUMMARY_COLUMNS)
    .where('period', '=', period)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toSummary(row) : null;
}

/** The newest approved (manager or finance) run of a period: it freezes the period. */
export async function findApprovedRunOfPeriod(db: Executor, period: string): Promise<CloseRunSummary | null> {
  const row = await db
    .selectFrom('close_runs')
    .select(SUMMARY_COLUMNS)
    .where('period', '=', period)
    .where('state', '<>', 'draft')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toSummary(row) : null;
}

export async function updateCloseState(trx: Transaction<Database>, id: number, state: CloseState) {
  await trx.updateTable('close_runs').set({ state }).where('id', '=', id).execute();
}

export async function insertApproval(trx: Transaction<Database>, closeId: number, approval: CloseApproval) {
  const last = await trx
    .selectFrom('close_approvals')
    .select((eb) => eb.fn.max('n').as('last'))
    .where('close_id', '=', closeId)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('close_approvals')
    .values({
      close_id: closeId,
      n: Number(last.last ?? 0) + 1,
      stage: approval.stage,
      approver: approval.approver,
      approver_role: approval.approverRole,
      person_id: approval.personId,
      unit_id: approval.unitId,
      at: approval.at,
      comment: approval.comment,
    })
    .execute();
}

export async function listApprovals(db: Executor, closeId: number): Promise<CloseApproval[]> {
  const rows = await db
    .selectFrom('close_approvals')
    .selectAll()
    .where('close_id', '=', closeId)
    .orderBy('n')
    .execute();
  return rows.map((r) => ({
    stage: r.stage as CloseApproval['stage'],
    approver: r.approver,
    approverRole: r.approver_role,
    personId: r.person_id,
    unitId: r.unit_id,
    at: r.at,
    comment: r.comment,
  }));
}
