/**
 * Agreed goals: checks of a goal's address, the one way an agreed goal is written (with its
 * audit entry), and the single-cell edit of PUT /goals (docs/goals.md §Edit).
 */
import { type Period, parsePeriod } from '@attain/engine';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { kindOf, referenceDate } from './goal-org.ts';
import { presentGoalValue, readGoalValue, readOptionalGoalValue } from './goal-values.ts';
import { canReadGoalScope, canWriteGoal, type PolicyContext } from './goals.policy.ts';
import {
  findGoal,
  type GoalAddress,
  type GoalFilters,
  type GoalLevels,
  type GoalRow,
  goalKeyOf,
  levelsOf,
  upsertGoal,
} from './goals.repository.ts';
import { cleanReason, requireReasonIfLocked } from './locks.service.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface GoalView {
  readonly key: string;
  readonly period: string;
  readonly scope: string;
  readonly metric: string;
  readonly filters: GoalFilters;
  readonly value: string;
  readonly floor: string | null;
  readonly stretch: string | null;
}

export function filtersOfRow(row: Pick<GoalRow, 'product_line' | 'customer_type' | 'region'>): GoalFilters {
  const filters: GoalFilters = {};
  if (row.product_line !== null) filters.product_line = row.product_line;
  if (row.customer_type !== null) filters.customer_type = row.customer_type;
  if (row.region !== null) filters.region = row.region;
  return filters;
}

export const presentGoal = (row: GoalRow): GoalView => ({
  key: row.goal_key,
  period: row.period,
  scope: row.scope,
  metric: row.metric,
  filters: filtersOfRow(row),
  value: presentGoalValue(row.metric, row.value) as string,
  floor: presentGoalValue(row.metric, row.floor),
  stretch: presentGoalValue(row.metric, row.stretch),
});

/** The period of an address, or `validation_failed` on `period`. */
export function periodOf(key: string): Period {
  const period = parsePeriod(key);
  if (!period) throw new AppError('validation_failed', `not a period: ${key}`, 'period');
  return period;
}

/** 404 for a scope that does not exist or is outside the data scope (no leak of which). */
export function requireVisibleScope(ctx: PolicyContext, scope: string): 'unit' | 'person' {
  const kind = kindOf(ctx.dir, scope);
  if (!kind || !canReadGoalScope(ctx, scope))
    throw new AppError('not_found', `no unit or person ${scope}`, 'scope');
  return kind;
}

/** 404 when invisible, 403 when visible but not writable by the actor. */
export function requireWritableScope(ctx: PolicyContext, scope: string, period: Period): void {
  requireVisibleScope(ctx, scope);
  if (!canWriteGoal(ctx, scope, referenceDate(period, ctx.today)))
    throw new AppError('forbidden', `you may not set the goals of ${scope}; propose them instead`, 'scope');
}

export interface LevelsInput {
  readonly value: string | number;
  readonly floor?: string | number | null;
  readonly stretch?: string | number | null;
}

/** Validated levels; floor ≤ value ≤ stretch is not enforced (a stretch may be set later). */
export function readLevels(metric: string, input: LevelsInput): GoalLevels {
  return {
    value: readGoalValue(metric, input.value, 'value'),
    floor: readOptionalGoalValue(metric, input.floor, 'floor'),
    stretch: readOptionalGoalValue(metric, input.stretch, 'stretch'),
  };
}

/** Upserts an agreed goal and audits it (entity `goals`, id = goal key) in the caller's transaction. */
export async function writeAgreedGoal(
  trx: Executor,
  actor: Actor,
  address: GoalAddress,
  levels: GoalLevels,
  audit: { action: 'set' | 'cascade' | 'approve'; detail: Record<string, unknown> },
  now: Date,
): Promise<GoalRow> {
  const before = await findGoal(trx, address);
  const row = await upsertGoal(trx, address, levels);
  await appendAudit(
    trx,
    actor,
    {
      action: audit.action,
      entity: 'goals',
      entityId: goalKeyOf(address),
      before: levelsOf(before),
      after: { ...address, ...levels },
      detail: audit.detail,
    },
    now,
  );
  return row;
}

export interface EditGoalInput extends LevelsInput {
  readonly address: GoalAddress;
  readonly reason?: string | null;
}

/** PUT /goals: sets one agreed goal (a reason is required inside a locked period). */
export async function editGoal(
  trx: Executor,
  ctx: PolicyContext,
  input: EditGoalInput,
  now: Date,
): Promise<GoalView> {
  const period = periodOf(input.address.period);
  requireWritableScope(ctx, input.address.scope, period);
  const given = readLevels(input.address.metric, input);
  // An omitted floor or stretch keeps the stored one (a grid edits one number); null clears it.
  const stored = await findGoal(trx, { ...input.address, period: period.key });
  const levels: GoalLevels = {
    value: given.value,
    floor: input.floor === undefined ? (stored?.floor ?? null) : given.floor,
    stretch: input.stretch === undefined ? (stored?.stretch ?? null) : given.stretch,
  };
  const reason = cleanReason(input.reason);
  const locked = await requireReasonIfLocked(trx, [period.key], reason);
  const row = await writeAgreedGoal(
    trx,
    ctx.actor,
    { ...input.address, period: period.key },
    levels,
    { action: 'set', detail: { reason, locked: locked.length > 0 } },
    now,
  );
  return presentGoal(row);
}
