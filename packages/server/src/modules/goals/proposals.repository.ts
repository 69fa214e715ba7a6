import type { Kysely, Transaction } from 'kysely';
import type { Database, GoalProposalEventsTable, GoalProposalsTable } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export type ProposalRow = GoalProposalsTable;
export type ProposalEventRow = GoalProposalEventsTable;
export type ProposalStatus = 'proposed' | 'returned' | 'approved';

/** Open = still waiting for agreement (proposed, or returned for another try). */
export const OPEN_STATUSES: readonly ProposalStatus[] = ['proposed', 'returned'];

export async function findProposal(db: Executor, id: string): Promise<ProposalRow | undefined> {
  return db.selectFrom('goal_proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOpenProposalByKey(db: Executor, goalKey: string): Promise<ProposalRow | undefined> {
  return db
    .selectFrom('goal_proposals')
    .selectAll()
    .where('goal_key', '=', goalKey)
    .where('status', 'in', [...OPEN_STATUSES])
    .executeTakeFirst();
}

export async function insertProposal(db: Executor, row: ProposalRow): Promise<void> {
  await db.insertInto('goal_proposals').values(row).execute();
}

export async function updateProposal(
  db: Executor,
  id: string,
  changes: Partial<Omit<ProposalRow, 'id' | 'goal_key'>>,
): Promise<void> {
  await db.updateTable('goal_proposals').set(changes).where('id', '=', id).execute();
}

export interface ProposalQuery {
  readonly status?: ProposalStatus;
  readonly scope?: string;
  readonly period?: string;
  readonly goalKeys?: readonly string[];
}

export async function listProposalRows(db: Executor, query: ProposalQuery): Promise<ProposalRow[]> {
  let select = db.selectFrom('goal_proposals').selectAll();
  if (query.status) select = select.where('status', '=', query.status);
  if (query.scope) select = select.where('scope', '=', query.scope);
  if (query.period) select = select.where('period', '=', query.period);
  if (query.goalKeys) {
    if (query.goalKeys.length === 0) return [];
    select = select.where('goal_key', 'in', [...query.goalKeys]);
  }
  return select.orderBy('updated_at', 'desc').orderBy('id').execute();
}

/** Appends the next step of a proposal's history (n = last + 1). */
export async function appendProposalEvent(
  db: Executor,
  event: Omit<ProposalEventRow, 'n'>,
): Promise<ProposalEventRow> {
  const last = await db
    .selectFrom('goal_proposal_events')
    .select((eb) => eb.fn.max('n').as('n'))
    .where('proposal_id', '=', event.proposal_id)
    .executeTakeFirst();
  const row = { ...event, n: Number(last?.n ?? 0) + 1 };
  await db.insertInto('goal_proposal_events').values(row).execute();
  return row;
}

export async function listProposalEvents(
  db: Executor,
  proposalIds: readonly string[],
): Promise<Map<string, ProposalEventRow[]>> {
  const byProposal = new Map<string, ProposalEventRow[]>();
  if (proposalIds.length === 0) return byProposal;
  const rows = await db
    .selectFrom('goal_proposal_events')
    .selectAll()
    .where('proposal_id', 'in', [...proposalIds])
    .orderBy('proposal_id')
    .orderBy('n')
    .execute();
  for (const row of rows) {
    const list = byProposal.get(row.proposal_id) ?? [];
    list.push({ ...row, n: Number(row.n) });
    byProposal.set(row.proposal_id, list);
  }
  return byProposal;
}

/** Open proposals of one metric and filter set over some periods (the grid's cells). */
export async function listOpenProposalsFor(
  db: Executor,
  query: {
    periods: readonly string[];
    metric: string;
    filters: Partial<Record<'product_line' | 'customer_type' | 'region', string>>;
  },
): Promise<ProposalRow[]> {
  if (query.periods.length === 0) return [];
  let select = db
    .selectFrom('goal_proposals')
    .selectAll()
    .where('status', 'in', [...OPEN_STATUSES])
    .where('period', 'in', [...query.periods])
    .where('metric', '=', query.metric);
  for (const field of ['product_line', 'customer_type', 'region'] as const) {
    const value = query.filters[field];
    select = value === undefined ? select.where(field, 'is', null) : select.where(field, '=', value);
  }
  return select.execute();
}
