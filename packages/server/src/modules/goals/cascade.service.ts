/**
 * POST /goals/cascade (docs/goals.md §Cascade): splits an agreed goal among the direct children
 * of a unit or into months/quarters, previews it (dryRun) or writes the parts as agreed goals.
 */
import type { FactStore } from '@attain/engine';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { manualGap, type SplitPart, splitByWeights } from './cascade.ts';
import { givenWeights, lastYearWeights, manualValues } from './cascade-inputs.ts';
import { type CascadeSplit, type CascadeTarget, cascadeTargets } from './cascade-targets.ts';
import {
  fromHundredths,
  isAdditiveMetric,
  presentGoalValue,
  presentHundredths,
  toHundredths,
} from './goal-values.ts';
import type { PolicyContext } from './goals.policy.ts';
import { findGoal, type GoalAddress, type GoalLevels, type GoalRow, goalKeyOf } from './goals.repository.ts';
import { periodOf, requireVisibleScope, requireWritableScope, writeAgreedGoal } from './goals.service.ts';
import { cleanReason, requireReasonIfLocked } from './locks.service.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export type CascadeMethod = 'equal' | 'last_year_share' | 'weights' | 'manual';

export interface CascadeInput {
  readonly parent: GoalAddress;
  readonly split: CascadeSplit;
  readonly method: CascadeMethod;
  readonly children?: readonly string[];
  readonly weights?: Readonly<Record<string, string | number>>;
  readonly values?: Readonly<Record<string, string | number>>;
  readonly dryRun: boolean;
  readonly reason?: string | null;
}

export interface CascadePartView {
  readonly scope: string;
  readonly period: string;
  readonly kind: 'unit' | 'person';
  readonly name: string;
  readonly value: string;
  readonly floor: string | null;
  readonly stretch: string | null;
  /** The weight used: the given weight, or last year's actual (money string for money metrics). */
  readonly basis: string | null;
  /** The agreed value before this cascade. */
  readonly previous: string | null;
}

export interface CascadeResult {
  readonly dryRun: boolean;
  readonly split: CascadeSplit;
  readonly method: CascadeMethod;
  readonly parent: GoalAddress & { value: string | null; floor: string | null; stretch: string | null };
  readonly parts: CascadePartView[];
  /** Σ of the parts and Σ − parent (additive metrics; null otherwise or without a parent goal). */
  readonly sum: string | null;
  readonly gap: string | null;
  /** true when every weight was 0 (no history for last_year_share) and the split fell back to equal parts. */
  readonly fellBackToEqual: boolean;
  readonly written: number;
}

const splitLevel = (level: string | null, weights: readonly bigint[], targets: readonly CascadeTarget[]) =>
  level === null
    ? targets.map(() => null)
    : splitByWeights(
        toHundredths(level),
        targets.map((t, i) => ({ id: t.key, weight: weights[i] as bigint })),
      ).map((part: SplitPart) => fromHundredths(part.amount));

function requireFacts(facts: FactStore | null): FactStore {
  if (!facts) throw new Error('last_year_share needs the fact store');
  return facts;
}

interface PartLevels {
  readonly levels: GoalLevels[];
  readonly basis: (string | null)[];
  readonly fellBackToEqual: boolean;
}

/** The levels of every part, by method (docs/goals.md §Cascade, precision). */
function partLevels(
  input: CascadeInput,
  targets: readonly CascadeTarget[],
  parentRow: GoalRow | undefined,
  existing: readonly (GoalRow | undefined)[],
  facts: FactStore | null,
): PartLevels {
  const { metric, filters } = input.parent;
  const noBasis = targets.map(() => null);
  if (input.method === 'manual') {
    // Manual values replace the value only; each target keeps its own floor and stretch.
    const levels = manualValues(targets, metric, input.values).map((value, i) => ({
      value,
      floor: existing[i]?.floor ?? null,
      stretch: existing[i]?.stretch ?? null,
    }));
    return { levels, basis: noBasis, fellBackToEqual: false };
  }
  const parent = parentRow as GoalRow;
  if (!isAdditiveMetric(metric)) {
    // A rate or an average does not add up: every target gets the parent's levels.
    const levels = targets.map(() => ({ value: parent.value, floor: parent.floor, stretch: parent.stretch }));
    return { levels, basis: noBasis, fellBackToEqual: false };
  }
  const weighing =
    input.method === 'weights'
      ? givenWeights(targets, input.weights)
      : input.method === 'last_year_share'
        ? lastYearWeights(requireFacts(facts), targets, metric, filters)
        : { weights: targets.map(() => 1n), basis: noBasis };
  const values = splitLevel(parent.value, weighing.weights, targets) as string[];
  const floors = splitLevel(parent.floor, weighing.weights, targets);
  const stretches = splitLevel(parent.stretch, weighing.weights, targets);
  return {
    levels: values.map((value, i) => ({ value, floor: floors[i] ?? null, stretch: stretches[i] ?? null })),
    basis: weighing.basis,
    fellBackToEqual: input.method !== 'equal' && weighing.weights.every((w) => w === 0n),
  };
}

export async function cascadeGoal(
  trx: Executor,
  ctx: PolicyContext,
  /** The fact store, needed by last_year_share; loaded by the caller before the transaction. */
  facts: FactStore | null,
  input: CascadeInput,
  now: Date,
): Promise<CascadeResult> {
  const { metric, filters } = input.parent;
  const period = periodOf(input.parent.period);
  const parentAddress = { ...input.parent, period: period.key };
  requireVisibleScope(ctx, parentAddress.scope);
  const targets = cascadeTargets(ctx.dir, ctx.today, {
    split: input.split,
    period,
    scope: parentAddress.scope,
    children: input.children,
  });
  for (const target of targets) requireWritableScope(ctx, target.scope, periodOf(target.period));
  const parentRow = await findGoal(trx, parentAddress);
  const additive = isAdditiveMetric(metric);
  if (!parentRow && input.method !== 'manual')
    throw new AppError(
      'validation_failed',
      `no agreed goal of ${goalKeyOf(parentAddress)} to split`,
      'scope',
    );
  if (!additive && (input.method === 'weights' || input.method === 'last_year_share'))
    throw new AppError(
      'validation_failed',
      `${metric} does not add up: use equal (copies) or manual`,
      'method',
    );

  const existing = await Promise.all(
    targets.map((t) => findGoal(trx, { scope: t.scope, period: t.period, metric, filters })),
  );
  const { levels, basis, fellBackToEqual } = partLevels(input, targets, parentRow, existing, facts);

  let sum: string | null = null;
  let gap: string | null = null;
  if (additive) {
    const totals = manualGap(
      parentRow ? toHundredths(parentRow.value) : 0n,
      levels.map((l) => toHundredths(l.value)),
    );
    sum = presentHundredths(metric, totals.sum);
    gap = parentRow ? presentHundredths(metric, totals.gap) : null;
  }

  let written = 0;
  if (!input.dryRun) {
    const reason = cleanReason(input.reason);
    await requireReasonIfLocked(
      trx,
      targets.map((t) => t.period),
      reason,
    );
    for (const [i, target] of targets.entries()) {
      await writeAgreedGoal(
        trx,
        ctx.actor,
        { scope: target.scope, period: target.period, metric, filters },
        levels[i] as GoalLevels,
        {
          action: 'cascade',
          detail: { reason, method: input.method, split: input.split, from: goalKeyOf(parentAddress) },
        },
        now,
      );
      written += 1;
    }
  }

  return {
    dryRun: input.dryRun,
    split: input.split,
    method: input.method,
    parent: {
      ...parentAddress,
      value: presentGoalValue(metric, parentRow?.value ?? null),
      floor: presentGoalValue(metric, parentRow?.floor ?? null),
      stretch: presentGoalValue(metric, parentRow?.stretch ?? null),
    },
    parts: targets.map((target, i) => ({
      scope: target.scope,
      period: target.period,
      kind: target.kind,
      name: target.name,
      value: presentGoalValue(metric, (levels[i] as GoalLevels).value) as string,
      floor: presentGoalValue(metric, (levels[i] as GoalLevels).floor),
      stretch: presentGoalValue(metric, (levels[i] as GoalLevels).stretch),
      basis: basis[i] ?? null,
      previous: presentGoalValue(metric, existing[i]?.value ?? null),
    })),
    sum,
    gap,
    fellBackToEqual,
    written,
  };
}
