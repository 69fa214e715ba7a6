/**
 * The views built from many scopes or periods: trend, drill-down, breakdown, leaderboard and
 * the goal wall (see dashboards.service.ts for the single-scope pieces).
 */
import {
  addDays,
  type FactStore,
  isoWeeksInYear,
  type MetricFilters,
  type Period,
  parsePeriod,
} from '@attain/engine';
import type { OrgDirectory } from '../access/org-directory.ts';
import type { DashboardScope } from './dashboard-scope.ts';
import {
  type DashboardQuery,
  directMembers,
  type GoalsByScope,
  metricKey,
  metricsFor,
  presentValue,
  snapshotOf,
  subtreeMembers,
} from './dashboards.service.ts';

/** Month or ISO-week buckets covering the period, up to the as-of date. */
export function trendBuckets(period: Period, grain: 'month' | 'week', asOf: string): string[] {
  const last = asOf < period.end ? asOf : period.end;
  const keys: string[] = [];
  if (grain === 'month') {
    for (let d = `${period.start.slice(0, 7)}-01`; d <= last; ) {
      keys.push(d.slice(0, 7));
      const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
      d = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    }
    return keys;
  }
  for (let d = period.start; d <= last; d = addDays(d, 7)) {
    const key = isoWeekKey(d);
    if (!keys.includes(key)) keys.push(key);
  }
  const lastKey = isoWeekKey(last);
  if (!keys.includes(lastKey)) keys.push(lastKey);
  return keys;
}

function isoWeekKey(date: string): string {
  for (const year of [Number(date.slice(0, 4)) + 1, Number(date.slice(0, 4)), Number(date.slice(0, 4)) - 1]) {
    const first = parsePeriod(`${year}-W01`) as Period;
    if (date < first.start) continue;
    const week = Math.floor((Date.parse(date) - Date.parse(first.start)) / (7 * 86_400_000)) + 1;
    if (week <= isoWeeksInYear(year)) return `${year}-W${String(week).padStart(2, '0')}`;
  }
  throw new RangeError(`no ISO week for ${date}`);
}

/** Goals of each bucket's own period (a month's goal for a month bucket, not the year's). */
export type GoalsByPeriod = ReadonlyMap<string, GoalsByScope>;

export function trend(
  store: FactStore,
  goalsByPeriod: GoalsByPeriod,
  scope: DashboardScope,
  query: DashboardQuery,
  metric: string,
  grain: 'month' | 'week',
  filters: MetricFilters,
) {
  const key = metricKey(metric, filters);
  const keys = [key, metricKey(`${metric}_growth`, filters), metricKey(`${metric}_yoy`, filters)];
  return {
    metric: key,
    grain,
    points: trendBuckets(query.period, grain, query.asOf).map((bucket) => {
      const period = parsePeriod(bucket, query.fiscalYearStart) as Period;
      const goals = goalsByPeriod.get(bucket) ?? new Map();
      const result = metricsFor(store, goals, scope, { ...query, period }, keys);
      return {
        period: bucket,
        start: period.start,
        end: period.end,
        ...presentValue(result, key),
        growth: result.metrics[keys[1] as string] ?? null,
        yoy: result.metrics[keys[2] as string] ?? null,
      };
    }),
  };
}

type Row = { kind: 'unit' | 'person'; id: string; name: string } & ReturnType<typeof presentValue>;

function rowWithRaw(
  store: FactStore,
  goals: GoalsByScope,
  dir: OrgDirectory,
  scope: DashboardScope,
  query: DashboardQuery,
  key: string,
): { raw: number | null; row: Row } {
  const name = scope.kind === 'unit' ? dir.units.get(scope.id)?.name : dir.people.get(scope.id)?.name;
  const result = metricsFor(store, goals, scope, query, [key]);
  return {
    raw: result.metrics[key] ?? null,
    row: { ...scope, name: name ?? scope.id, ...presentValue(result, key) },
  };
}

const rowOf = (...args: Parameters<typeof rowWithRaw>): Row => rowWithRaw(...args).row;

/** A unit, its child units and the people directly in it — one level of company → region → team → rep. */
export function drillDown(
  store: FactStore,
  goals: GoalsByScope,
  dir: OrgDirectory,
  unitId: string,
  query: DashboardQuery,
  metric: string,
  filters: MetricFilters,
) {
  const key = metricKey(metric, filters);
  const unit = dir.units.get(unitId);
  const children = [...dir.units.values()]
    .filter((u) => u.parentId === unitId)
    .map((u) => u.id)
    .sort();
  return {
    metric: key,
    unit: rowOf(store, goals, dir, { kind: 'unit', id: unitId }, query, key),
    parentId: unit?.parentId ?? null,
    rows: [
      ...children.map((id) => rowOf(store, goals, dir, { kind: 'unit', id }, query, key)),
      ...directMembers(store, dir, unitId, snapshotOf(query)).map((id) =>
        rowOf(store, goals, dir, { kind: 'person', id }, query, key),
      ),
    ],
  };
}

/** The metric split by product line, customer type or region (through the order's product and customer). */
export function breakdown(
  store: FactStore,
  goals: GoalsByScope,
  scope: DashboardScope,
  query: DashboardQuery,
  metric: string,
  dimension: keyof MetricFilters,
  values: readonly string[],
) {
  return {
    metric,
    dimension,
    rows: values.map((value) => {
      const key = metricKey(metric, { [dimension]: value });
      return { value, key, ...presentValue(metricsFor(store, goals, scope, query, [key]), key) };
    }),
  };
}

/** People of the unit's subtree ranked by the metric (highest first; null last; ties by id). */
export function leaderboard(
  store: FactStore,
  goals: GoalsByScope,
  dir: OrgDirectory,
  unitId: string,
  query: DashboardQuery,
  metric: string,
  filters: MetricFilters,
  ascending = false,
) {
  const key = metricKey(metric, filters);
  const rows = subtreeMembers(store, dir, unitId, snapshotOf(query)).map((id) =>
    rowWithRaw(store, goals, dir, { kind: 'person', id }, query, key),
  );
  rows.sort((a, b) => {
    if (a.raw === null || b.raw === null)
      return a.raw === b.raw ? a.row.id.localeCompare(b.row.id) : a.raw === null ? 1 : -1;
    return (ascending ? a.raw - b.raw : b.raw - a.raw) || a.row.id.localeCompare(b.row.id);
  });
  return { metric: key, rows: rows.map((r, i) => ({ rank: i + 1, ...r.row })) };
}

/** Every person of the subtree with the metric against their goal: the 目标墙. */
export function goalWall(
  store: FactStore,
  goals: GoalsByScope,
  dir: OrgDirectory,
  unitId: string,
  query: DashboardQuery,
  metric: string,
) {
  const key = metricKey(metric);
  const snapshot = snapshotOf(query);
  return {
    metric: key,
    elapsed: metricsFor(store, goals, { kind: 'unit', id: unitId }, query, [key]).elapsed,
    rows: subtreeMembers(store, dir, unitId, snapshot).map((id) => ({
      ...rowOf(store, goals, dir, { kind: 'person', id }, query, key),
      unitId: store.org.unitOn(id, snapshot),
      unitName: dir.units.get(store.org.unitOn(id, snapshot) ?? '')?.name ?? null,
    })),
  };
}
