import type { Plan } from '@attain/engine';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** A stored plan version (contract §7 `attain plan apply`: earlier versions stay readable). */
export interface PlanVersion {
  readonly version: number;
  readonly yaml: string;
  readonly plan: Plan;
  readonly appliedBy: string;
  readonly appliedAt: string;
  readonly note: string | null;
}

export type PlanVersionSummary = Omit<PlanVersion, 'yaml' | 'plan'>;

function toPlanVersion(row: Database['plan_versions']): PlanVersion {
  return {
    version: Number(row.version),
    yaml: row.yaml,
    plan: JSON.parse(row.plan_json) as Plan,
    appliedBy: row.applied_by,
    appliedAt: row.applied_at,
    note: row.note,
  };
}

/** Stores a new version numbered after the latest one; call inside the writing transaction. */
export async function insertPlanVersion(
  trx: Transaction<Database>,
  values: { yaml: string; plan: Plan; appliedBy: string; appliedAt: string; note: string | null },
): Promise<number> {
  const last = await trx
    .selectFrom('plan_versions')
    .select((eb) => eb.fn.max('version').as('last'))
    .executeTakeFirstOrThrow();
  const version = Number(last.last ?? 0) + 1;
  await trx
    .insertInto('plan_versions')
    .values({
      version,
      yaml: values.yaml,
      plan_json: JSON.stringify(values.plan),
      applied_by: values.appliedBy,
      applied_at: values.appliedAt,
      note: values.note,
    })
    .execute();
  return version;
}

export async function findPlanVersion(db: Executor, version: number): Promise<PlanVersion | null> {
  const row = await db
    .selectFrom('plan_versions')
    .selectAll()
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? toPlanVersion(row) : null;
}

/** The newest applied plan, or null before the first `plan apply`. */
export async function findLatestPlanVersion(db: Executor): Promise<PlanVersion | null> {
  const row = await db
    .selectFrom('plan_versions')
    .selectAll()
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toPlanVersion(row) : null;
}

/** Every version, newest first, without the texts. */
export async function listPlanVersions(db: Executor): Promise<PlanVersionSummary[]> {
  const rows = await db
    .selectFrom('plan_versions')
    .select(['version', 'applied_by', 'applied_at', 'note'])
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: Number(r.version),
    appliedBy: r.applied_by,
    appliedAt: r.applied_at,
    note: r.note,
  }));
}

/**
 * The month the fiscal year starts in: the latest applied plan's `calendar.fiscal_year_start`,
 * or 1 (the calendar year) before any plan — contract §7, the calendar of `report metrics`.
 */
export async function latestFiscalYearStart(db: Executor): Promise<number> {
  const latest = await findLatestPlanVersion(db);
  return latest?.plan.calendar.fiscalYearStart ?? 1;
}
