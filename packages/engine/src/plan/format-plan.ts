/**
 * A parsed plan back in the file's shape (contract §6 keys, snake_case): what `plan apply` shows,
 * what {@link planDiff} compares, and YAML that {@link parsePlan} reads back to the same plan.
 */
import { stringify } from 'yaml';
import type { AppliesTo, Component, Plan, Scoring } from './plan-types.ts';

/** A decimal in the file shape: printed as a plain YAML number, exactly as held. */
export class DecimalLiteral {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
}

export type FileValue =
  | string
  | number
  | boolean
  | null
  | DecimalLiteral
  | FileValue[]
  | { [key: string]: FileValue };

const d = (text: string) => new DecimalLiteral(text);
const optional = (key: string, value: FileValue | undefined | null) =>
  value === null || value === undefined ? {} : { [key]: value };

function appliesToFile(a: AppliesTo): FileValue {
  if ('role' in a) return { role: a.role };
  if ('people' in a) return { people: [...a.people] };
  return { unit: a.unit };
}

function scoringFile(s: Scoring): FileValue {
  if (s.type === 'ladder') return { type: s.type, bands: s.bands.map(([t, v]) => [d(t), d(v)]) };
  return { type: s.type, ...optional('cap', s.cap === null ? null : d(s.cap)), floor: d(s.floor) };
}

function componentFile(c: Component): FileValue {
  const cap = optional('cap', c.cap === null ? null : d(c.cap));
  if (c.type === 'tiered_commission') {
    return {
      id: c.id,
      type: c.type,
      base: c.base,
      mode: c.mode,
      tiers: c.tiers.map((t) => ({
        ...optional('upto', t.upto === null ? null : d(t.upto)),
        rate: d(t.rate),
      })),
      ...(c.accelerators.length > 0
        ? { accelerators: c.accelerators.map((a) => ({ above: d(a.above), multiplier: d(a.multiplier) })) }
        : {}),
      ...cap,
      ...(c.clawback === null
        ? {}
        : { clawback: c.clawback.rate === null ? true : { rate: d(c.clawback.rate) } }),
    };
  }
  if (c.type === 'bonus_pool') {
    return {
      id: c.id,
      type: c.type,
      unit_kind: c.unitKind,
      rate: d(c.rate),
      base: c.base,
      shares: c.shares.map(d),
      rest: c.rest,
      ...optional('min_score', c.minScore === null ? null : d(c.minScore)),
      ...cap,
    };
  }
  return {
    id: c.id,
    type: c.type,
    fixed: d(c.fixed),
    floating_base: d(c.floatingBase),
    coefficients: Object.fromEntries(Object.entries(c.coefficients).map(([g, v]) => [g, d(v)])),
    ...cap,
  };
}

/** The plan in the file's shape (decimals as {@link DecimalLiteral}). */
export function planToFile(plan: Plan): { [key: string]: FileValue } {
  return {
    calendar: { fiscal_year_start: plan.calendar.fiscalYearStart },
    scorecards: plan.scorecards.map((s) => ({
      id: s.id,
      applies_to: appliesToFile(s.appliesTo),
      grades: Object.fromEntries(s.grades.map((g) => [g.name, d(g.min)])),
      groups: s.groups.map((g) => ({
        name: g.name,
        weight: d(g.weight),
        items: g.items.map((i) => ({
          metric: i.metric,
          ...optional('target', i.target === null ? null : d(i.target)),
          weight: d(i.weight),
          scoring: scoringFile(i.scoring),
        })),
      })),
    })),
    compensation: plan.compensation.map((c) => ({
      id: c.id,
      applies_to: appliesToFile(c.appliesTo),
      components: c.components.map(componentFile),
    })),
    awards: plan.awards.map((a) => ({
      id: a.id,
      type: a.type,
      metric: a.metric,
      ...(a.withinUnitKind === null ? {} : { within: { unit_kind: a.withinUnitKind } }),
      ...optional('hired_within_months', a.hiredWithinMonths),
      ...optional('min_responses', a.minResponses),
    })),
    ...(plan.promotion
      ? {
          promotion: {
            metric: plan.promotion.metric,
            min_attainment: d(plan.promotion.minAttainment),
            consecutive_quarters: plan.promotion.consecutiveQuarters,
          },
        }
      : {}),
  };
}

const decimalTag = {
  identify: (value: unknown) => value instanceof DecimalLiteral,
  tag: 'tag:attain.dev,2026:decimal',
  default: true,
  resolve: (text: string) => new DecimalLiteral(text),
  stringify: (item: { value: unknown }) => (item.value as DecimalLiteral).text,
};

/**
 * The plan as YAML; `parsePlan(formatPlan(plan))` gives the same plan.
 * @example formatPlan(plan) // 'calendar:\n  fiscal_year_start: 1\nscorecards:\n  - id: rep-2026 ...'
 */
export function formatPlan(plan: Plan): string {
  return stringify(planToFile(plan), { customTags: [decimalTag] });
}
