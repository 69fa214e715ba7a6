import { api } from '../../api/client.ts';

/** Shapes of /api/v1/goals/* (docs/goals.md). Values are exact decimal strings. */
export type Status = 'proposed' | 'returned' | 'approved';
export type Filters = { product_line?: string; customer_type?: string; region?: string };

export interface Levels {
  readonly value: string | null;
  readonly floor: string | null;
  readonly stretch: string | null;
}

export interface GridCell extends Levels {
  readonly status: 'proposed' | 'returned' | 'agreed' | null;
  readonly proposal: (Levels & { id: string; status: Status }) | null;
  readonly monthsSum?: string | null;
  readonly monthsGap?: string | null;
  readonly childrenSum: string | null;
  readonly childrenGap: string | null;
}

export interface GridColumn {
  readonly period: string;
  readonly kind: 'month' | 'quarter' | 'year';
  readonly months?: string[];
}

export interface GridRow {
  readonly id: string;
  readonly kind: 'unit' | 'person';
  readonly name: string;
  readonly parentId: string | null;
  readonly depth: number;
  readonly type: string | null;
  readonly editable: boolean;
  readonly canPropose: boolean;
  readonly cells: Record<string, GridCell>;
}

export interface Grid {
  readonly year: number;
  readonly root: string;
  readonly metric: string;
  readonly columns: GridColumn[];
  readonly rows: GridRow[];
}

export interface GridQuery extends Filters {
  readonly year: number;
  readonly root: string;
  readonly metric: string;
}

/** Where a goal lives: period + scope + metric + filters (contract §1). */
export interface GoalAddress {
  readonly period: string;
  readonly scope: string;
  readonly metric: string;
  readonly filters: Filters;
}

export interface ProposalEvent extends Levels {
  readonly kind: 'proposed' | 'returned' | 'approved';
  readonly actor: string;
  readonly at: string;
  readonly comment: string | null;
}

export interface Proposal extends GoalAddress, Levels {
  readonly id: string;
  readonly key: string;
  readonly scopeKind: 'unit' | 'person';
  readonly scopeName: string;
  readonly status: Status;
  readonly proposedBy: string;
  readonly proposerPersonId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly canDecide: boolean;
  readonly events: ProposalEvent[];
}

export interface Lock {
  readonly period: string;
  readonly lockedBy: string;
  readonly lockedAt: string;
  readonly reason: string | null;
}

export type CascadeMethod = 'equal' | 'last_year_share' | 'weights' | 'manual';
export type CascadeSplit = 'children' | 'months' | 'quarters';

export interface CascadeRequest extends GoalAddress {
  readonly split: CascadeSplit;
  readonly method: CascadeMethod;
  readonly weights?: Record<string, string>;
  readonly values?: Record<string, string>;
  readonly dryRun: boolean;
  readonly reason?: string | null;
}

export interface CascadePart extends Levels {
  readonly scope: string;
  readonly period: string;
  readonly kind: 'unit' | 'person';
  readonly name: string;
  readonly basis: string | null;
  readonly previous: string | null;
}

export interface CascadeResult {
  readonly parent: GoalAddress & Levels;
  readonly parts: CascadePart[];
  readonly sum: string | null;
  readonly gap: string | null;
  readonly fellBackToEqual: boolean;
  readonly written: number;
}

type LevelsInput = { value: string; floor?: string | null; stretch?: string | null };

export const fetchGrid = (query: GridQuery) => api<Grid>('/goals/grid', { query: { ...query } });

export const saveGoal = (body: GoalAddress & LevelsInput & { reason?: string | null }) =>
  api<GoalAddress & Levels>('/goals', { method: 'PUT', body });

export const cascadeGoal = (body: CascadeRequest) =>
  api<CascadeResult>('/goals/cascade', { method: 'POST', body });

export const fetchProposals = () => api<{ proposals: Proposal[] }>('/goals/proposals');

export const proposeGoal = (body: GoalAddress & LevelsInput & { comment?: string | null }) =>
  api<Proposal>('/goals/proposals', { method: 'POST', body });

export const approveProposal = (id: string, body: { comment?: string | null; reason?: string | null }) =>
  api<Proposal>(`/goals/proposals/${encodeURIComponent(id)}/approve`, { method: 'POST', body });

export const returnProposal = (id: string, comment: string) =>
  api<Proposal>(`/goals/proposals/${encodeURIComponent(id)}/return`, { method: 'POST', body: { comment } });

export const fetchLocks = () => api<{ locks: Lock[] }>('/goals/locks');

export const lockPeriod = (period: string, reason: string | null) =>
  api<Lock>('/goals/locks', { method: 'POST', body: { period, reason } });

export const unlockPeriod = (period: string, reason?: string) =>
  api<Lock>(`/goals/locks/${encodeURIComponent(period)}`, { method: 'DELETE', query: { reason } });

/** Every goal query starts with this key, so one invalidation refreshes grid, proposals and locks. */
export const GOALS_KEY = 'goals';
