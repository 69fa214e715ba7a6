import type { Kysely, Transaction } from 'kysely';
import type { Database, GoalsTable } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export const FILTER_FIELDS = ['product_line', 'customer_type', 'region'] as const;
export type GoalFilters = Partial<Record<(typeof FILTER_FIELDS)[number], string>>;

/** What identifies a goal (contract §1): period + scope + metric + filters. */
export interface GoalAddress {
  readonly period: string;
  readonly scope: string;
  readonly metric: string;
  readonly filters: GoalFilters;
}

export interface GoalLevels {
  readonly value: string;
  readonly floor: string | null;
  readonly stretch: string | null;
}

export type GoalRow = GoalsTable;

/**
 * The goal key as the import writes it (absent filters as '').
 * @example goalKeyOf({ period: '2026', scope: 'T1', metric: 'revenue', filters: {} }) // '2026|T1|revenue|||'
 */
export function goalKeyOf(address: GoalAddress): string {
  const f = address.filters;
  return [address.period, address.scope, address.metric, f.product_line, f.customer_type, f.region]
    .map((part) => part ?? '')
    .join('|');
}

export const filterColumns = (filters: GoalFilters) => ({
  product_line: filters.product_line ?? null,
  customer_type: filters.customer_type ?? null,
  region: filters.region ?? null,
});

export async function findGoal(db: Executor, address: GoalAddress): Promise<GoalRow | undefined> {
  return db.selectFrom('goals').selectAll().where('goal_key', '=', goalKeyOf(address)).executeTakeFirst();
}

/** The goals of one metric and filter set over some periods (the grid, a cascade's inputs). */
export async function listGoalsForPeriods(
  db: Executor,
  query: { periods: readonly string[]; metric: string; filters: GoalFilters },
): Promise<GoalRow[]> {
  if (query.periods.length === 0) return [];
  let select = db
    .selectFrom('goals')
    .selectAll()
    .where('period', 'in', [...query.periods])
    .where('metric', '=', query.metric);
  for (const field of FILTER_FIELDS) {
    const value = query.filters[field];
    select = value === undefined ? select.where(field, 'is', null) : select.where(field, '=', value);
  }
  return select.execute();
}

/** Inserts or replaces the agreed goal at `address`. */
export async function upsertGoal(db: Executor, address: GoalAddress, levels: GoalLevels): Promise<GoalRow> {
  const row: GoalRow = {
    goal_key: goalKeyOf(address),
    period: address.period,
    scope: address.scope,
    metric: address.metric,
    ...filterColumns(address.filters),
    value: levels.value,
    floor: levels.floor,
    stretch: levels.stretch,
  };
  await db
    .insertInto('goals')
    .values(row)
    .onConflict((oc) =>
      oc.column('goal_key').doUpdateSet({ value: row.value, floor: row.floor, stretch: row.stretch }),
    )
    .execute();
  return row;
}

/** The levels of a stored row, for audit before/after. */
export const levelsOf = (row: GoalRow | undefined): GoalLevels | null =>
  row ? { value: row.value, floor: row.floor, stretch: row.stretch } : null;

/** Each person's manager_id (the approval chain of docs/goals.md). */
export async function loadManagerIds(db: Executor): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('people').select(['id', 'manager_id']).execute();
  return new Map(rows.map((r) => [r.id, r.manager_id]));
}
