/**
 * What computeClose needs besides the facts (docs/plans.md): people and units from the org
 * directory — the same rows the store's org chart was built from, so both agree on who was where
 * (contract §4) — and a goals lookup over every period (promotion reads past quarters, §6).
 */
import { createHash } from 'node:crypto';
import type { CloseInput, ClosePerson, CloseUnit, GoalsOf } from '@attain/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { OrgDirectory } from '../access/org-directory.ts';
import { goalsForPeriod } from '../tracking/goals.repository.ts';

export function closePeopleOf(dir: OrgDirectory): ClosePerson[] {
  return [...dir.people.values()].map((p) => ({
    id: p.id,
    unitId: p.unitId,
    role: p.role,
    hireDate: p.hireDate,
    leaveDate: p.leaveDate,
  }));
}

export function closeUnitsOf(dir: OrgDirectory): CloseUnit[] {
  return [...dir.units.values()].map((u) => ({ id: u.id, kind: u.kind, parentId: u.parentId }));
}

export interface LoadedGoals {
  readonly goalsOf: GoalsOf;
  /** sha256 of every goal row: part of a run's data fingerprint. */
  readonly hash: string;
}

/** Every goal of every period, in memory (goals are few: one row per scope, period and metric). */
export async function loadAllGoals(db: Kysely<Database>): Promise<LoadedGoals> {
  const rows = await db
    .selectFrom('goals')
    .select(['goal_key', 'value', 'floor', 'stretch'])
    .orderBy('goal_key')
    .execute();
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.goal_key}=${r.value}|${r.floor ?? ''}|${r.stretch ?? ''}\n`);
  const periods = await db.selectFrom('goals').select('period').distinct().execute();
  const byPeriod = new Map<string, Map<string, Record<string, number>>>();
  for (const { period } of periods) byPeriod.set(period, await goalsForPeriod(db, period));
  return {
    goalsOf: (scopeId, periodKey) => byPeriod.get(periodKey)?.get(scopeId) ?? {},
    hash: hash.digest('hex').slice(0, 16),
  };
}

export type CloseInputBase = Omit<CloseInput, 'plan' | 'period' | 'asOf' | 'planVersion'>;
