/**
 * The plan file of contract §6 as data, after {@link parsePlan}: plain JSON (decimals as canonical
 * text) so that a stored version round-trips and two versions can be diffed by path.
 * Optional parts beyond the contract (accelerators, cap, clawback, fixed_floating_bonus) are
 * documented in docs/plans.md.
 */
import type { DecimalText } from './decimal.ts';

export type AppliesTo =
  | { readonly role: string }
  | { readonly people: readonly string[] }
  /** The unit and its subtree. */
  | { readonly unit: string };

export type Scoring =
  | { readonly type: 'linear'; readonly cap: DecimalText | null; readonly floor: DecimalText }
  | { readonly type: 'ladder'; readonly bands: readonly (readonly [DecimalText, DecimalText])[] }
  | { readonly type: 'lower_is_better'; readonly cap: DecimalText | null; readonly floor: DecimalText };

export interface ScoreItem {
  /** Canonical §5 key, filters (from `metric` braces and `filter`) included. */
  readonly metric: string;
  /** Fixed goal: yuan for money metrics, the metric's own unit otherwise; null → the goals table. */
  readonly target: DecimalText | null;
  readonly weight: DecimalText;
  readonly scoring: Scoring;
}

export interface ScoreGroup {
  readonly name: string;
  readonly weight: DecimalText;
  readonly items: readonly ScoreItem[];
}

export interface Grade {
  readonly name: string;
  /** Lowest total score for the grade. */
  readonly min: DecimalText;
}

export interface Scorecard {
  readonly id: string;
  readonly appliesTo: AppliesTo;
  /** In file order, highest first. */
  readonly grades: readonly Grade[];
  readonly groups: readonly ScoreGroup[];
}

export interface Tier {
  /** Upper bound of the tier (inclusive); null for the last, open tier. */
  readonly upto: DecimalText | null;
  readonly rate: DecimalText;
}

/** Beyond the contract: a multiplier on the rate for the base above `above` × goal. */
export interface Accelerator {
  /** Attainment threshold (1.0 = 100% of the goal of the base metric). */
  readonly above: DecimalText;
  readonly multiplier: DecimalText;
}

export interface TieredCommission {
  readonly id: string;
  readonly type: 'tiered_commission';
  /** Canonical metric key of the base (the component's `filter` merged in). */
  readonly base: string;
  readonly mode: 'marginal' | 'retroactive';
  readonly tiers: readonly Tier[];
  /** Ascending thresholds; [] when none. */
  readonly accelerators: readonly Accelerator[];
  /** Largest amount in yuan, or null. */
  readonly cap: DecimalText | null;
  /** Negative base pays rate × base (a clawback) instead of 0; null = contract rule (pays 0). */
  readonly clawback: { readonly rate: DecimalText | null } | null;
}

export interface BonusPool {
  readonly id: string;
  readonly type: 'bonus_pool';
  readonly unitKind: string;
  readonly rate: DecimalText;
  readonly base: string;
  readonly shares: readonly DecimalText[];
  readonly rest: 'by_score' | 'equal';
  /** null: any person with a score is eligible. */
  readonly minScore: DecimalText | null;
  readonly cap: DecimalText | null;
}

/** Beyond the contract: fixed + floating bonus, floating = floating_base × coefficient of the grade. */
export interface FixedFloatingBonus {
  readonly id: string;
  readonly type: 'fixed_floating_bonus';
  readonly fixed: DecimalText;
  readonly floatingBase: DecimalText;
  /** Grade name → coefficient; a grade not listed (or no grade) has coefficient 0. */
  readonly coefficients: Readonly<Record<string, DecimalText>>;
  readonly cap: DecimalText | null;
}

export type Component = TieredCommission | BonusPool | FixedFloatingBonus;

export interface CompensationPlan {
  readonly id: string;
  readonly appliesTo: AppliesTo;
  readonly components: readonly Component[];
}

export interface Award {
  readonly id: string;
  readonly type: 'top';
  readonly metric: string;
  readonly withinUnitKind: string | null;
  readonly hiredWithinMonths: number | null;
  readonly minResponses: number | null;
}

export interface Promotion {
  readonly metric: string;
  readonly minAttainment: DecimalText;
  readonly consecutiveQuarters: number;
}

export interface Plan {
  readonly calendar: { readonly fiscalYearStart: number };
  readonly scorecards: readonly Scorecard[];
  readonly compensation: readonly CompensationPlan[];
  readonly awards: readonly Award[];
  readonly promotion: Promotion | null;
}

export interface PlanError {
  /** Where, as in `scorecards[0].groups[1].items[2].weight`. */
  readonly path: string;
  readonly message: string;
}

export type ParsePlanResult = { readonly plan: Plan } | { readonly errors: readonly PlanError[] };
