/**
 * Inputs and outputs of a close (contract §6, §7 `close --json`). {@link CloseJson} is exactly
 * what `attain close --json` prints; {@link CloseExplanation} travels beside it (never inside it)
 * and carries, per figure, the aggregates and events used, the rule, tier, rate and rounding.
 */

import type { Period } from '../periods.ts';
import type { Plan } from '../plan/plan-types.ts';
import type { FactStore } from '../store/fact-store.ts';
import type { ExplainLine } from './explain-lines.ts';

export interface ClosePerson {
  readonly id: string;
  /** people.unit_id: used when the store's org chart does not know the person. */
  readonly unitId?: string | null;
  readonly role: string;
  readonly hireDate: string;
  readonly leaveDate?: string | null;
}

export interface CloseUnit {
  readonly id: string;
  readonly kind?: string | null;
  readonly parentId?: string | null;
}

/** Goals of a scope (person or unit id) for a period key, by metric key; money goals in fen. */
export type GoalsOf = (scopeId: string, periodKey: string) => Readonly<Record<string, number>>;

export interface CloseInput {
  readonly store: FactStore;
  readonly plan: Plan;
  /** A §3 period key (read with the plan's fiscal calendar) or a parsed period. */
  readonly period: string | Period;
  /** As-of date A (the engine reads no clock). */
  readonly asOf: string;
  readonly people: readonly ClosePerson[];
  readonly units: readonly CloseUnit[];
  readonly goalsOf: GoalsOf;
  /** Shown in explanations ("rule rep-pay-2026 of plan version 3"). */
  readonly planVersion?: string | number | null;
}

export type ItemFlag = 'no_actual' | 'no_goal';

export interface CloseItemJson {
  readonly metric: string;
  /** Money metrics as money strings, others as numbers; null when undefined. */
  readonly actual: string | number | null;
  readonly goal: string | number | null;
  readonly score: number;
  readonly flag?: ItemFlag;
}

export interface ClosePayJson {
  readonly component: string;
  readonly amount: string;
}

export interface ClosePersonJson {
  readonly id: string;
  readonly unit_id: string | null;
  readonly score: number | null;
  readonly grade: string | null;
  readonly rank_in_unit: number | null;
  readonly items: readonly CloseItemJson[];
  readonly pay: readonly ClosePayJson[];
  readonly total_pay: string;
  readonly awards: readonly string[];
  readonly promotion_eligible: boolean;
}

/** Contract §7 `close --json`, to the letter. */
export interface CloseJson {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly as_of: string;
  readonly people: readonly ClosePersonJson[];
}

/** One explained figure: human-readable lines plus the data they were made from. */
export interface Explained {
  /** English sentences (the CLI's text; what stored runs have always held). */
  readonly lines: readonly string[];
  /**
   * The same lines as codes and parameters, in the same order (explain-lines.ts), so a reader
   * sees them in his language. Absent in runs stored before it existed: show `lines` then.
   */
  readonly structured?: readonly ExplainLine[];
}

export interface ItemExplanation extends Explained {
  readonly metric: string;
  readonly goalSource: 'target' | 'goals' | 'none';
  /** a of §6 (actual / goal, or goal / actual for lower_is_better), as decimal text. */
  readonly a: string | null;
  /** Window, ratio parts of the metric (compute-metrics.ts MetricExplanation). */
  readonly metricExplanation: unknown;
}

export interface CreditedEvent {
  readonly kind: 'order' | 'payment';
  readonly id: string;
  readonly date: string;
  /** Credited amount in fen (the person's share). */
  readonly amount: number;
}

export interface PayExplanation extends Explained {
  readonly component: string;
  readonly type: string;
  /** Amount before the one half-up rounding, in yuan (decimal text); null for pools (see lines). */
  readonly unrounded: string | null;
  readonly amount: string;
  /** The orders or payments behind a person's own base (revenue, collected), when listed. */
  readonly events?: readonly CreditedEvent[];
}

export interface PersonExplanation {
  readonly id: string;
  readonly rule: {
    readonly scorecard: string | null;
    readonly compensation: string | null;
    readonly planVersion: string | null;
  };
  readonly unit: Explained;
  readonly items: readonly ItemExplanation[];
  readonly score: Explained;
  readonly rank: Explained;
  readonly pay: readonly PayExplanation[];
  readonly awards: Explained;
  readonly promotion: Explained;
}

export interface PoolExplanation extends Explained {
  readonly plan: string;
  readonly component: string;
  readonly unit: string;
  readonly base: number | null;
  readonly pool: string;
  readonly unallocated: string;
  readonly allocations: readonly {
    readonly person: string;
    readonly rank: number;
    readonly amount: string;
    readonly how: string;
  }[];
}

export interface CloseExplanation {
  readonly people: Readonly<Record<string, PersonExplanation>>;
  readonly pools: readonly PoolExplanation[];
}

export interface CloseResult {
  /** Exactly what `close --json` prints. */
  readonly json: CloseJson;
  /** Everything behind it, by person id (served by the API's "why?" endpoints). */
  readonly explain: CloseExplanation;
}
