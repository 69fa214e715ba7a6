/**
 * Bottom-up goals (docs/goals.md §Proposals): a rep or manager proposes, a superior approves
 * (the agreed goal is written) or returns it with a comment; a returned proposal is proposed
 * again under the same id, so its history stays in one place.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { referenceDate } from './goal-org.ts';
import { canDecideProposal, canProposeFor, type PolicyContext } from './goals.policy.ts';
import { filterColumns, type GoalAddress, goalKeyOf } from './goals.repository.ts';
import {
  type LevelsInput,
  periodOf,
  readLevels,
  requireVisibleScope,
  writeAgreedGoal,
} from './goals.service.ts';
import { cleanReason, requireReasonIfLocked } from './locks.service.ts';
import { canSeeProposal, type ProposalView, presentProposals } from './proposals.presenter.ts';
import {
  appendProposalEvent,
  findOpenProposalByKey,
  findProposal,
  insertProposal,
  type ProposalRow,
  updateProposal,
} from './proposals.repository.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type ManagerIds = ReadonlyMap<string, string | null>;

export interface ProposeInput extends LevelsInput {
  readonly address: GoalAddress;
  readonly comment?: string | null;
}

/** Proposes a goal, or proposes it again when an open proposal for the same key exists. */
export async function proposeGoal(
  trx: Executor,
  ctx: PolicyContext,
  managerIds: ManagerIds,
  input: ProposeInput,
  now: Date,
): Promise<{ proposal: ProposalView; created: boolean }> {
  const period = periodOf(input.address.period);
  const address = { ...input.address, period: period.key };
  requireVisibleScope(ctx, address.scope);
  if (!canProposeFor(ctx, address.scope, referenceDate(period, ctx.today)))
    throw new AppError('forbidden', `you may not propose goals for ${address.scope}`, 'scope');
  const levels = readLevels(address.metric, input);
  const at = now.toISOString();
  const key = goalKeyOf(address);
  const open = await findOpenProposalByKey(trx, key);
  const id = open?.id ?? randomUUID();
  const proposer = { proposed_by: ctx.actor.login, proposer_person_id: ctx.actor.personId };
  if (open) {
    await updateProposal(trx, id, { ...levels, ...proposer, status: 'proposed', updated_at: at });
  } else {
    await insertProposal(trx, {
      id,
      goal_key: key,
      period: address.period,
      scope: address.scope,
      metric: address.metric,
      ...filterColumns(address.filters),
      ...levels,
      status: 'proposed',
      ...proposer,
      created_at: at,
      updated_at: at,
    });
  }
  const comment = cleanReason(input.comment);
  await appendProposalEvent(trx, {
    proposal_id: id,
    kind: 'proposed',
    actor: ctx.actor.login,
    at,
    comment,
    ...levels,
  });
  await appendAudit(
    trx,
    ctx.actor,
    {
      action: 'propose',
      entity: 'goal_proposals',
      entityId: id,
      after: { ...address, ...levels },
      detail: { comment },
    },
    now,
  );
  const [proposal] = await presentProposals(trx, ctx, managerIds, [
    (await findProposal(trx, id)) as ProposalRow,
  ]);
  return { proposal: proposal as ProposalView, created: !open };
}

export interface DecisionInput {
  readonly id: string;
  readonly decision: 'approve' | 'return';
  readonly comment?: string | null;
  readonly reason?: string | null;
}

/** Approves (writing the agreed goal) or returns a proposal that is waiting for a decision. */
export async function decideProposal(
  trx: Executor,
  ctx: PolicyContext,
  managerIds: ManagerIds,
  input: DecisionInput,
  now: Date,
): Promise<ProposalView> {
  const row = await findProposal(trx, input.id);
  if (!row || !canSeeProposal(ctx, row))
    throw new AppError('not_found', `no goal proposal ${input.id}`, 'id');
  const parties = { proposedBy: row.proposed_by, proposerPersonId: row.proposer_person_id, scope: row.scope };
  if (!canDecideProposal(ctx, managerIds, parties))
    throw new AppError('forbidden', 'only a superior of the proposer (or hr, admin) decides this proposal');
  if (row.status !== 'proposed')
    throw new AppError('conflict', `the proposal is ${row.status}, not waiting for a decision`, 'id');
  const comment = cleanReason(input.comment);
  const at = now.toISOString();
  const levels = { value: row.value, floor: row.floor, stretch: row.stretch };
  if (input.decision === 'approve') {
    const reason = cleanReason(input.reason);
    const locked = await requireReasonIfLocked(trx, [row.period], reason);
    const address: GoalAddress = {
      period: row.period,
      scope: row.scope,
      metric: row.metric,
      filters: filtersOf(row),
    };
    await writeAgreedGoal(
      trx,
      ctx.actor,
      address,
      levels,
      { action: 'approve', detail: { reason, locked: locked.length > 0, proposalId: row.id } },
      now,
    );
  }
  const status = input.decision === 'approve' ? 'approved' : 'returned';
  await updateProposal(trx, row.id, { status, updated_at: at });
  await appendProposalEvent(trx, {
    proposal_id: row.id,
    kind: status,
    actor: ctx.actor.login,
    at,
    comment,
    ...levels,
  });
  await appendAudit(
    trx,
    ctx.actor,
    {
      action: input.decision,
      entity: 'goal_proposals',
      entityId: row.id,
      before: { status: row.status },
      after: { status },
      detail: { comment, reason: cleanReason(input.reason) },
    },
    now,
  );
  const [proposal] = await presentProposals(trx, ctx, managerIds, [{ ...row, status, updated_at: at }]);
  return proposal as ProposalView;
}

const filtersOf = (row: ProposalRow) => ({
  ...(row.product_line !== null ? { product_line: row.product_line } : {}),
  ...(row.customer_type !== null ? { customer_type: row.customer_type } : {}),
  ...(row.region !== null ? { region: row.region } : {}),
});
