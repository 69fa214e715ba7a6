/**
 * Dashboards (tracking issue, item 4): KPI cards, trend, drill-down, breakdown, leaderboard and
 * goal wall. Every number comes from the engine's computeMetrics over the in-memory fact store,
 * the same function `attain report metrics` and the close use, so the figures agree everywhere.
 */
import {
  type BaseMetric,
  computeMetrics,
  type FactStore,
  FLOW_METRICS,
  formatMetricKey,
  formatMetricValue,
  type MetricFilters,
  type MetricsResult,
  type Period,
  parseMetricKey,
} from '@attain/engine';
import { AppError } from '../../errors.ts';
import type { OrgDirectory } from '../access/org-directory.ts';
import type { DashboardScope } from './dashboard-scope.ts';

export const KPI_METRICS = [
  'revenue',
  'collected',
  'orders',
  'new_customers',
  'gross_margin_rate',
  'collection_rate',
  'visits',
  'win_rate',
] as const;

export interface DashboardQuery {
  readonly period: Period;
  readonly asOf: string;
  readonly fiscalYearStart: number;
}

export type GoalsByScope = ReadonlyMap<string, Record<string, number>>;

/** `metric` with the filters applied, as §5 names it. */
export function metricKey(metric: string, filters: MetricFilters = {}): string {
  const parsed = parseMetricKey(metric);
  if ('error' in parsed) throw new AppError('validation_failed', parsed.error, 'metric');
  return formatMetricKey({ ...parsed.key, filters: { ...parsed.key.filters, ...filters } });
}

export function metricsFor(
  store: FactStore,
  goals: GoalsByScope,
  scope: DashboardScope,
  query: DashboardQuery,
  metrics: readonly string[],
): MetricsResult {
  return computeMetrics(store, {
    scope,
    period: query.period,
    fiscalYearStart: query.fiscalYearStart,
    asOf: query.asOf,
    metrics,
    goals: goals.get(scope.id) ?? {},
  });
}

function isAdditive(key: string): boolean {
  const parsed = parseMetricKey(key);
  return 'key' in parsed && parsed.key.variant === 'value' && FLOW_METRICS.has(parsed.key.base as BaseMetric);
}

/** One number with its goal, as the cards, tables and bars show it (money as strings). */
export function presentValue(result: MetricsResult, key: string) {
  const actual = result.metrics[key] ?? null;
  const goal = result.goals[key];
  const forecast = result.forecast[key] ?? null;
  return {
    actual: formatMetricValue(key, actual),
    goal: goal === undefined ? null : formatMetricValue(key, goal),
    attainment: result.attainment[key] ?? null,
    pacing: result.pacing[key] ?? null,
    forecast: formatMetricValue(key, forecast),
    // Gap to goal: what is still missing (negative when the goal is passed); additive metrics only.
    gap:
      goal === undefined || actual === null || !isAdditive(key)
        ? null
        : formatMetricValue(key, goal - actual),
  };
}

export function kpiCards(
  store: FactStore,
  goals: GoalsByScope,
  scope: DashboardScope,
  query: DashboardQuery,
  filters: MetricFilters,
) {
  const keys = KPI_METRICS.map((m) => metricKey(m, filters));
  const result = metricsFor(store, goals, scope, query, keys);
  return {
    scope,
    period: query.period,
    asOf: query.asOf,
    elapsed: result.elapsed,
    cards: keys.map((key, i) => ({ metric: KPI_METRICS[i], key, ...presentValue(result, key) })),
  };
}

/** People whose unit on the snapshot date is `unitId` itself (not below). */
export function directMembers(
  store: FactStore,
  dir: OrgDirectory,
  unitId: string,
  snapshot: string,
): string[] {
  return membersOn(store, dir, snapshot, `direct|${unitId}`, (unit) => unit === unitId);
}

/** People whose unit on the snapshot date lies in the unit's subtree. */
export function subtreeMembers(
  store: FactStore,
  dir: OrgDirectory,
  unitId: string,
  snapshot: string,
): string[] {
  const units = store.org.subtree(unitId);
  return membersOn(store, dir, snapshot, `subtree|${unitId}`, (unit) => units.has(unit ?? ''));
}

/**
 * Employed people whose unit on the snapshot date passes `inUnit`, sorted by id. A walk over
 * every person, so the lists are kept per org chart and directory (both replaced, never
 * mutated, when the org changes): repeated drill-downs and leaderboards do not walk again.
 */
const memberLists = new WeakMap<object, WeakMap<OrgDirectory, Map<string, string[]>>>();
const MEMBER_LISTS_LIMIT = 1_000;

function membersOn(
  store: FactStore,
  dir: OrgDirectory,
  snapshot: string,
  key: string,
  inUnit: (unitId: string | null) => boolean,
): string[] {
  let byDir = memberLists.get(store.org);
  if (!byDir) {
    byDir = new WeakMap();
    memberLists.set(store.org, byDir);
  }
  let lists = byDir.get(dir);
  if (!lists) {
    lists = new Map();
    byDir.set(dir, lists);
  }
  const id = `${key}|${snapshot}`;
  let list = lists.get(id);
  if (!list) {
    list = [...dir.people.values()]
      .filter((p) => p.hireDate <= snapshot && (p.leaveDate === null || p.leaveDate >= snapshot))
      .filter((p) => inUnit(store.org.unitOn(p.id, snapshot)))
      .map((p) => p.id)
      .sort();
    if (lists.size >= MEMBER_LISTS_LIMIT) lists.clear();
    lists.set(id, list);
  }
  return [...list];
}

export const snapshotOf = (query: DashboardQuery) =>
  query.asOf < query.period.end ? query.asOf : query.period.end;
