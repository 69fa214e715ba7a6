import { api } from '../../api/client.ts';

/** Shapes of /api/v1/closes and /api/v1/statements (docs/pay.md). Money values are exact strings. */
export type CloseState = 'draft' | 'manager_approved' | 'finance_approved';

export interface CloseRunSummary {
  readonly id: number;
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly asOf: string;
  readonly planVersion: number;
  readonly state: CloseState;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly reason: string | null;
  readonly previousId: number | null;
}

export interface Approval {
  readonly state: CloseState;
  readonly approvals: readonly unknown[];
  readonly requiredUnits: readonly string[];
  readonly pendingUnits: readonly string[];
}

export interface CloseLine {
  readonly id: string;
  readonly unit_id: string;
  readonly score: number;
  readonly grade: string;
  readonly rank_in_unit: number;
  readonly pay: readonly { component: string; amount: string }[];
  readonly total_pay: string;
}

export interface CloseDetail extends CloseRunSummary {
  readonly approval: Approval;
  readonly result: { readonly people: readonly CloseLine[] };
}

export interface PayLine {
  readonly component: string;
  readonly amount: string;
  readonly type: string;
  readonly lines: readonly string[];
  readonly eventCount: number | null;
  readonly events: string | null;
}

export interface Statement {
  readonly close: { id: number; period: string; asOf: string; state: CloseState; planVersion: number };
  readonly person: { id: string; name: string; unitId: string; unitName: string };
  readonly score: number;
  readonly grade: string;
  readonly rankInUnit: number;
  readonly scoreLines: readonly string[];
  readonly rankLines: readonly string[];
  readonly items: readonly {
    metric: string;
    actual: string | number;
    goal: string | number | null;
    score: number;
    explanation?: { lines?: readonly string[] };
  }[];
  readonly pay: readonly PayLine[];
  readonly totalPay: string;
  readonly promotionEligible: boolean;
  readonly promotionLines: readonly string[];
  readonly sincePrevious: {
    previousId: number | null;
    change: { kind: string; totalPayDelta: string; lines: readonly string[] } | null;
  };
}

export interface PayEvent {
  readonly kind: 'order' | 'payment';
  readonly id: string;
  readonly date: string;
  readonly credited: string;
  readonly amount: string;
  readonly customerId: string | null;
  readonly productId: string | null;
}

export interface EventsPage {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly events: readonly PayEvent[];
}

export interface WhatIf {
  readonly current: { total_pay: string };
  readonly estimated: { total_pay: string };
  readonly difference: string;
}

const enc = encodeURIComponent;

export const fetchRuns = (period: string) =>
  api<{ runs: CloseRunSummary[] }>('/closes', { query: { period } }).then((r) => r.runs);

export const fetchRun = (id: number) => api<CloseDetail>(`/closes/${id}`);

export const runClose = (period: string, reason?: string) =>
  api<{ run: CloseRunSummary }>('/closes', {
    method: 'POST',
    body: reason ? { period, reason } : { period },
  });

export const approveRun = (id: number) =>
  api<Approval>(`/closes/${id}/approve`, { method: 'POST', body: {} });

export const payrollUrl = (id: number, ext: 'xlsx' | 'csv') => `/api/v1/closes/${id}/payroll.${ext}`;

export const fetchStatement = (personId: string, closeId?: number) =>
  api<Statement>(`/statements/${enc(personId)}`, { query: { closeId } });

export const fetchEvents = (
  personId: string,
  component: string,
  closeId: number,
  page: number,
  pageSize: number,
) =>
  api<EventsPage>(`/statements/${enc(personId)}/lines/${enc(component)}/events`, {
    query: { closeId, page, pageSize },
  });

export const fetchWhatIf = (personId: string, closeId: number, deltas: Record<string, string>) =>
  api<WhatIf>(`/statements/${enc(personId)}/what-if`, { method: 'POST', body: { deltas, closeId } });
