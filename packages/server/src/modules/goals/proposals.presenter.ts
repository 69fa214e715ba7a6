/** Proposals as the API shows them: the proposal, its history, and whether the actor may decide it. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { kindOf, nameOf } from './goal-org.ts';
import { presentGoalValue } from './goal-values.ts';
import { canDecideProposal, canReadGoalScope, type PolicyContext } from './goals.policy.ts';
import type { GoalFilters } from './goals.repository.ts';
import {
  listProposalEvents,
  listProposalRows,
  type ProposalQuery,
  type ProposalRow,
} from './proposals.repository.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface ProposalEventView {
  readonly kind: 'proposed' | 'returned' | 'approved';
  readonly actor: string;
  readonly at: string;
  readonly comment: string | null;
  readonly value: string | null;
  readonly floor: string | null;
  readonly stretch: string | null;
}

export interface ProposalView {
  readonly id: string;
  readonly key: string;
  readonly period: string;
  readonly scope: string;
  readonly scopeKind: 'unit' | 'person' | null;
  readonly scopeName: string;
  readonly metric: string;
  readonly filters: GoalFilters;
  readonly value: string;
  readonly floor: string | null;
  readonly stretch: string | null;
  readonly status: 'proposed' | 'returned' | 'approved';
  readonly proposedBy: string;
  readonly proposerPersonId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Whether the signed-in actor may approve or return it now. */
  readonly canDecide: boolean;
  readonly events: ProposalEventView[];
}

/** A proposal is visible to whoever sees its goal scope, and always to its proposer. */
export const canSeeProposal = (ctx: PolicyContext, row: ProposalRow): boolean =>
  row.proposed_by === ctx.actor.login || canReadGoalScope(ctx, row.scope);

export async function presentProposals(
  db: Executor,
  ctx: PolicyContext,
  managerIds: ReadonlyMap<string, string | null>,
  rows: readonly ProposalRow[],
): Promise<ProposalView[]> {
  const events = await listProposalEvents(
    db,
    rows.map((r) => r.id),
  );
  const money = (metric: string, value: string | null) => presentGoalValue(metric, value);
  return rows.map((row) => ({
    id: row.id,
    key: row.goal_key,
    period: row.period,
    scope: row.scope,
    scopeKind: kindOf(ctx.dir, row.scope),
    scopeName: nameOf(ctx.dir, row.scope),
    metric: row.metric,
    filters: {
      ...(row.product_line !== null ? { product_line: row.product_line } : {}),
      ...(row.customer_type !== null ? { customer_type: row.customer_type } : {}),
      ...(row.region !== null ? { region: row.region } : {}),
    },
    value: money(row.metric, row.value) as string,
    floor: money(row.metric, row.floor),
    stretch: money(row.metric, row.stretch),
    status: row.status as ProposalView['status'],
    proposedBy: row.proposed_by,
    proposerPersonId: row.proposer_person_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    canDecide:
      row.status === 'proposed' &&
      canDecideProposal(ctx, managerIds, {
        proposedBy: row.proposed_by,
        proposerPersonId: row.proposer_person_id,
        scope: row.scope,
      }),
    events: (events.get(row.id) ?? []).map((e) => ({
      kind: e.kind as ProposalEventView['kind'],
      actor: e.actor,
      at: e.at,
      comment: e.comment,
      value: money(row.metric, e.value),
      floor: money(row.metric, e.floor),
      stretch: money(row.metric, e.stretch),
    })),
  }));
}

/** GET /goals/proposals: the visible proposals, newest change first, each with its history. */
export async function listProposals(
  db: Executor,
  ctx: PolicyContext,
  managerIds: ReadonlyMap<string, string | null>,
  query: ProposalQuery,
): Promise<ProposalView[]> {
  const rows = (await listProposalRows(db, query)).filter((row) => canSeeProposal(ctx, row));
  return presentProposals(db, ctx, managerIds, rows);
}
