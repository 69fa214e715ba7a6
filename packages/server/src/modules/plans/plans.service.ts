/**
 * Applying and reading plan versions (contract §6, §7 `attain plan apply`). The CLI and
 * POST /plans both call {@link applyPlan}; validation is the engine's parsePlan, which reports
 * every error with its path.
 */
import { type Plan, type PlanChange, parsePlan, planDiff } from '@attain/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { lockPayWriters } from '../closes/pay-write-lock.ts';
import { findPlanVersion, insertPlanVersion, type PlanVersion } from './plans.repository.ts';

/**
 * The engine's parsePlan, failing with `validation_failed`: `details: [{ path, message }]` (every
 * error) and `field` = the first error's path. Shared by apply and preview.
 * @example parsePlanOrThrow('calendar: { fiscal_year_start: 13 }') // throws, field 'calendar.fiscal_year_start'
 */
export function parsePlanOrThrow(yaml: string): Plan {
  const parsed = parsePlan(yaml);
  if ('plan' in parsed) return parsed.plan;
  const first = parsed.errors[0];
  throw new AppError(
    'validation_failed',
    `the plan has ${parsed.errors.length} error${parsed.errors.length === 1 ? '' : 's'}`,
    first?.path || undefined,
    parsed.errors.map((e) => ({ path: e.path, message: e.message })),
  );
}

export interface AppliedPlan {
  readonly version: number;
  /** Changes against the previous version (empty for the first one). */
  readonly previousVersion: number | null;
  readonly changes: readonly PlanChange[];
}

/**
 * Validates the YAML and stores it as a new version, with an audit entry, in one transaction.
 * Throws `validation_failed` with `details: [{ path, message }]` (every error) and `field` = the
 * first error's path.
 * @example await applyPlan(db, actor, yamlText, 'Q3 tiers') // { version: 2, previousVersion: 1, changes: [...] }
 */
export async function applyPlan(
  db: Kysely<Database>,
  actor: Actor,
  yaml: string,
  note: string | null,
  now = new Date(),
): Promise<AppliedPlan> {
  const plan = parsePlanOrThrow(yaml);
  return db.transaction().execute(async (trx) => {
    await lockPayWriters(trx);
    const previous = await trx
      .selectFrom('plan_versions')
      .select(['version', 'plan_json'])
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const version = await insertPlanVersion(trx, {
      yaml,
      plan,
      appliedBy: actor.login,
      appliedAt: now.toISOString(),
      note,
    });
    const changes = previous ? planDiff(JSON.parse(previous.plan_json), plan) : [];
    await appendAudit(
      trx,
      actor,
      {
        action: 'plan.apply',
        entity: 'plan',
        entityId: String(version),
        detail: { note, changes: changes.length },
      },
      now,
    );
    return { version, previousVersion: previous ? Number(previous.version) : null, changes };
  });
}

export async function requirePlanVersion(db: Kysely<Database>, version: number): Promise<PlanVersion> {
  const found = await findPlanVersion(db, version);
  if (!found) throw notFound(`plan version ${version}`);
  return found;
}

/** Changes from version `against` (default: the one before) to `version`. */
export async function diffPlanVersions(
  db: Kysely<Database>,
  version: number,
  against?: number,
): Promise<{ version: number; against: number | null; changes: PlanChange[] }> {
  const target = await requirePlanVersion(db, version);
  const baseNumber = against ?? version - 1;
  if (baseNumber < 1) return { version, against: null, changes: [] };
  const base = await requirePlanVersion(db, baseNumber);
  return { version, against: baseNumber, changes: planDiff(base.plan, target.plan) };
}
