/**
 * The goal grid (docs/goals.md §Grid): the rows of a unit's subtree in tree order, the 12
 * months, Q1–Q4 and the year as columns, each cell's agreed goal or pending proposal, and the
 * derived checks — months against their quarter and year, children against their parent.
 * Pure: the service loads the goals and proposals and passes them in.
 */
import type { Period } from '@attain/engine';
import { canSeePerson, canSeeUnit } from '../access/data-scope.ts';
import { monthKeysOf, quarterKeysOf } from './cascade-targets.ts';
import { peopleByUnit, referenceDate, subUnitsOf } from './goal-org.ts';
import { differenceOf, presentDecimal, presentGoalValue, sumStored } from './goal-values.ts';
import { canProposeFor, canWriteGoal, type PolicyContext } from './goals.policy.ts';
import type { GoalRow } from './goals.repository.ts';
import type { ProposalRow } from './proposals.repository.ts';

export interface GridColumn {
  readonly period: string;
  readonly kind: 'month' | 'quarter' | 'year';
  /** The months a quarter or the year adds up. */
  readonly months?: readonly string[];
}

export interface GridCell {
  readonly value: string | null;
  readonly floor: string | null;
  readonly stretch: string | null;
  /** A pending proposal's status wins over 'agreed'; null when there is neither. */
  readonly status: 'agreed' | 'proposed' | 'returned' | null;
  readonly proposal: {
    readonly id: string;
    readonly status: 'proposed' | 'returned';
    readonly value: string;
    readonly floor: string | null;
    readonly stretch: string | null;
  } | null;
  /** Quarter and year cells: Σ of the agreed month goals present (null: none), and Σ − value. */
  readonly monthsSum?: string | null;
  readonly monthsGap?: string | null;
  /** Unit rows whose whole subtree the actor sees: Σ of the children's agreed goals, and Σ − value. */
  readonly childrenSum: string | null;
  readonly childrenGap: string | null;
}

export interface GridRow {
  readonly id: string;
  readonly kind: 'unit' | 'person';
  readonly name: string;
  readonly parentId: string | null;
  readonly depth: number;
  /** unit kind (company, region, team…) or person role. */
  readonly type: string | null;
  readonly editable: boolean;
  readonly canPropose: boolean;
  readonly cells: Record<string, GridCell>;
}

export interface GoalGrid {
  readonly year: number;
  readonly root: string;
  readonly metric: string;
  readonly columns: readonly GridColumn[];
  readonly rows: readonly GridRow[];
}

export function gridColumns(year: number): GridColumn[] {
  const yearKey = String(year);
  const months = monthKeysOf({ start: `${year}-01-01`, end: `${year}-12-31` });
  return [
    ...months.map((period) => ({ period, kind: 'month' as const })),
    ...quarterKeysOf(yearKey).map((period, q) => ({
      period,
      kind: 'quarter' as const,
      months: months.slice(q * 3, q * 3 + 3),
    })),
    { period: yearKey, kind: 'year' as const, months },
  ];
}

interface RowSkeleton {
  readonly id: string;
  readonly kind: 'unit' | 'person';
  readonly parentId: string | null;
  readonly depth: number;
  readonly children: string[];
}

/** Tree order: a unit, the people placed directly in it, then its sub-units; invisible branches pruned. */
function gridSkeleton(ctx: PolicyContext, root: string, year: Period): RowSkeleton[] {
  const rows: RowSkeleton[] = [];
  const placed = peopleByUnit(ctx.dir, year, ctx.today);
  const visit = (unitId: string, depth: number) => {
    const children: string[] = [];
    const self: RowSkeleton = {
      id: unitId,
      kind: 'unit',
      parentId: ctx.dir.units.get(unitId)?.parentId ?? null,
      depth,
      children,
    };
    rows.push(self);
    for (const personId of placed.get(unitId) ?? []) {
      if (!canSeePerson(ctx.scope, personId)) continue;
      children.push(personId);
      rows.push({ id: personId, kind: 'person', parentId: unitId, depth: depth + 1, children: [] });
    }
    for (const subUnit of subUnitsOf(ctx.dir, unitId)) {
      if (!canSeeUnit(ctx.scope, subUnit)) continue;
      children.push(subUnit);
      visit(subUnit, depth + 1);
    }
  };
  visit(root, 0);
  return rows;
}

export interface GridData {
  readonly year: Period;
  readonly root: string;
  readonly metric: string;
  readonly goals: readonly GoalRow[];
  readonly proposals: readonly ProposalRow[];
}

export function buildGoalGrid(ctx: PolicyContext, data: GridData): GoalGrid {
  const { metric } = data;
  const columns = gridColumns(Number(data.year.key));
  const agreed = new Map(data.goals.map((g) => [`${g.scope}|${g.period}`, g]));
  const pending = new Map(data.proposals.map((p) => [`${p.scope}|${p.period}`, p]));
  const agreedValue = (scope: string, period: string) => agreed.get(`${scope}|${period}`)?.value ?? null;
  const date = referenceDate(data.year, ctx.today);
  const sumOf = (values: (string | null)[]) => sumStored(values.filter((v): v is string => v !== null));
  const gap = (sum: ReturnType<typeof sumStored>, value: string | null) => {
    const own = value === null ? null : sumStored([value]);
    return sum && own ? presentDecimal(metric, differenceOf(sum, own)) : null;
  };

  const rows = gridSkeleton(ctx, data.root, data.year).map((row): GridRow => {
    const wholeSubtree = row.kind === 'unit' && (ctx.scope.kind === 'all' || ctx.scope.units.has(row.id));
    const cells: Record<string, GridCell> = {};
    for (const column of columns) {
      const goal = agreed.get(`${row.id}|${column.period}`);
      const proposal = pending.get(`${row.id}|${column.period}`);
      const value = goal?.value ?? null;
      const childrenSum = wholeSubtree ? sumOf(row.children.map((c) => agreedValue(c, column.period))) : null;
      const monthsSum = column.months ? sumOf(column.months.map((m) => agreedValue(row.id, m))) : undefined;
      cells[column.period] = {
        value: presentGoalValue(metric, value),
        floor: presentGoalValue(metric, goal?.floor ?? null),
        stretch: presentGoalValue(metric, goal?.stretch ?? null),
        status: proposal ? (proposal.status as 'proposed' | 'returned') : goal ? 'agreed' : null,
        proposal: proposal
          ? {
              id: proposal.id,
              status: proposal.status as 'proposed' | 'returned',
              value: presentGoalValue(metric, proposal.value) as string,
              floor: presentGoalValue(metric, proposal.floor),
              stretch: presentGoalValue(metric, proposal.stretch),
            }
          : null,
        ...(monthsSum === undefined
          ? {}
          : { monthsSum: presentDecimal(metric, monthsSum), monthsGap: gap(monthsSum, value) }),
        childrenSum: presentDecimal(metric, childrenSum),
        childrenGap: gap(childrenSum, value),
      };
    }
    const unit = ctx.dir.units.get(row.id);
    const person = ctx.dir.people.get(row.id);
    return {
      id: row.id,
      kind: row.kind,
      name: unit?.name ?? person?.name ?? row.id,
      parentId: row.parentId,
      depth: row.depth,
      type: row.kind === 'unit' ? (unit?.kind ?? null) : (person?.role ?? null),
      editable: canWriteGoal(ctx, row.id, date),
      canPropose: canProposeFor(ctx, row.id, date),
      cells,
    };
  });
  return { year: Number(data.year.key), root: data.root, metric, columns, rows };
}
