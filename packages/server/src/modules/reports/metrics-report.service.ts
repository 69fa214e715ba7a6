/**
 * `attain report metrics` and GET /reports/metrics (contract §5, §7): metric values, goals,
 * attainment and pacing per person or per unit, computed by the engine over the in-memory
 * fact store. CLI and API both call {@link buildMetricsReport}.
 */
import {
  buildMetricsReport as buildEngineReport,
  type FactStore,
  type MetricsReport,
  parseMetricKey,
  parsePeriod,
} from '@attain/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { latestFiscalYearStart } from '../plans/plans.repository.ts';
import { goalsForPeriod } from '../tracking/goals.repository.ts';

export interface MetricsReportQuery {
  readonly period: string;
  /** Metric keys as named in §5; absent: every base metric plus filtered keys with a goal. */
  readonly metrics?: readonly string[];
  readonly by: 'person' | 'unit';
  /** Restricts rows to this unit's subtree (or this one person). */
  readonly scope?: string;
  readonly asOf: string;
  /** Month the fiscal year starts in: the latest applied plan's calendar, else 1 (contract §7). */
  readonly fiscalYearStart?: number;
}

export type { MetricsReport };

/** A visibility check for rows (data scope); the CLI sees everything. */
export type RowFilter = (kind: 'person' | 'unit', id: string) => boolean;

export async function buildMetricsReport(
  db: Kysely<Database>,
  store: FactStore,
  query: MetricsReportQuery,
  canSee: RowFilter = () => true,
): Promise<MetricsReport> {
  // contract §7: the calendar of the latest applied plan, or the calendar year.
  const fiscalYearStart = query.fiscalYearStart ?? (await latestFiscalYearStart(db));
  const period = parsePeriod(query.period, fiscalYearStart);
  if (!period) throw new AppError('validation_failed', `not a period: ${query.period}`, 'period');
  for (const key of query.metrics ?? []) {
    const parsed = parseMetricKey(key);
    if ('error' in parsed) throw new AppError('validation_failed', parsed.error, 'metrics');
  }
  const snapshot = query.asOf < period.end ? query.asOf : period.end;
  const scopes = await rowScopes(db, store, query, period, snapshot);
  const goals = await goalsForPeriod(db, period.key);
  return buildEngineReport(store, {
    scopes: scopes.filter((id) => canSee(query.by, id)).map((id) => ({ kind: query.by, id })),
    period,
    fiscalYearStart,
    asOf: query.asOf,
    ...(query.metrics ? { metrics: query.metrics } : {}),
    goalsFor: (scope) => goals.get(scope.id),
  });
}

/**
 * The row scopes (contract §7): every person employed during P (hire_date ≤ end, leave_date
 * empty or ≥ start), or every unit, sorted by id; `scope` keeps that unit's subtree (units; or
 * the people whose unit on min(end, A) lies in it) or that one person.
 */
async function rowScopes(
  db: Kysely<Database>,
  store: FactStore,
  query: MetricsReportQuery,
  period: { start: string; end: string },
  snapshot: string,
): Promise<string[]> {
  const units = store.org.unitIds();
  const subtree = query.scope && units.includes(query.scope) ? store.org.subtree(query.scope) : null;
  if (query.scope && !subtree) {
    const person = await db
      .selectFrom('people')
      .select('id')
      .where('id', '=', query.scope)
      .executeTakeFirst();
    if (!person) throw new AppError('not_found', `no unit or person ${query.scope}`, 'scope');
  }
  if (query.by === 'unit') {
    if (query.scope && !subtree)
      throw new AppError('validation_failed', `${query.scope} is a person, not a unit`, 'scope');
    return units.filter((id) => !subtree || subtree.has(id)).sort();
  }
  const people = await db
    .selectFrom('people')
    .select('id')
    .where('hire_date', '<=', period.end)
    .where((eb) => eb.or([eb('leave_date', 'is', null), eb('leave_date', '>=', period.start)]))
    .orderBy('id')
    .execute();
  return people
    .map((p) => p.id)
    .filter((id) => {
      if (!query.scope) return true;
      if (!subtree) return id === query.scope;
      return subtree.has(store.org.unitOn(id, snapshot) ?? '');
    });
}
