import { api } from '../../api/client.ts';

/** Shapes of GET /api/v1/dashboard/* (server modules/dashboards). Money values are exact strings. */
export type Value = string | number | null;

export interface Measured {
  readonly actual: Value;
  readonly goal: Value;
  readonly attainment: number | null;
  readonly pacing: number | null;
  readonly forecast: Value;
  readonly gap: Value;
}

export interface DashboardTarget {
  readonly kind: 'person' | 'unit';
  readonly id: string;
}

export interface KpiResponse {
  readonly scope: DashboardTarget;
  readonly name: string;
  readonly period: { key: string; start: string; end: string };
  readonly asOf: string;
  readonly elapsed: number;
  readonly cards: readonly (Measured & { metric: string; key: string })[];
  readonly dimensions: { product_line: string[]; customer_type: string[]; region: string[] };
}

export interface TrendResponse {
  readonly metric: string;
  readonly points: readonly (Measured & { period: string; growth: number | null; yoy: number | null })[];
}

export interface ScopeRow extends Measured {
  readonly kind: 'unit' | 'person';
  readonly id: string;
  readonly name: string;
}

export interface DrillResponse {
  readonly metric: string;
  readonly unit: ScopeRow;
  readonly parentId: string | null;
  readonly rows: readonly ScopeRow[];
}

export interface BreakdownResponse {
  readonly dimension: string;
  readonly rows: readonly (Measured & { value: string })[];
}

export interface LeaderboardResponse {
  readonly rows: readonly (ScopeRow & { rank: number })[];
}

export interface GoalWallResponse {
  readonly elapsed: number;
  readonly rows: readonly (ScopeRow & { unitName: string | null })[];
}

export interface DashboardQuery {
  readonly period: string;
  readonly scopeKind?: 'person' | 'unit';
  readonly scopeId?: string;
  readonly product_line?: string;
  readonly customer_type?: string;
  readonly region?: string;
}

type Query = Record<string, string | undefined>;
const q = (query: DashboardQuery, extra: Query = {}) => ({ ...query, ...extra }) as Query;

export const fetchKpis = (query: DashboardQuery) => api<KpiResponse>('/dashboard/kpis', { query: q(query) });
export const fetchTrend = (query: DashboardQuery, metric: string, grain: 'month' | 'week') =>
  api<TrendResponse>('/dashboard/trend', { query: q(query, { metric, grain }) });
export const fetchDrill = (query: DashboardQuery, unitId: string, metric: string) =>
  api<DrillResponse>('/dashboard/drill', {
    query: q({ ...query, scopeKind: undefined, scopeId: undefined }, { unitId, metric }),
  });
export const fetchBreakdown = (query: DashboardQuery, dimension: string, metric: string) =>
  api<BreakdownResponse>('/dashboard/breakdown', { query: q(query, { dimension, metric }) });
export const fetchLeaderboard = (query: DashboardQuery, unitId: string, metric: string) =>
  api<LeaderboardResponse>('/dashboard/leaderboard', {
    query: q({ ...query, scopeKind: undefined, scopeId: undefined }, { unitId, metric }),
  });
export const fetchGoalWall = (query: DashboardQuery, unitId: string, metric: string) =>
  api<GoalWallResponse>('/dashboard/goal-wall', {
    query: q({ ...query, scopeKind: undefined, scopeId: undefined }, { unitId, metric }),
  });
