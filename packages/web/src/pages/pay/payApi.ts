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

/**
 * A structured explanation line (engine close/explain-lines.ts): a code and its parameters, shown
 * through the `explain.<code>` templates of messages; runs stored before it have only the English.
 */
export interface ExplainLine {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number | boolean | null>>;
}

/** English lines and, when the run has them, the same lines structured. */
export type Structured = readonly ExplainLine[] | null | undefined;

export type CloseStep = 'loading' | 'computing' | 'storing' | 'done';

/** GET /closes/jobs/:jobId: a close run computing in the background. */
export interface CloseJob {
  readonly id: string;
  readonly period: string;
  readonly state: 'running' | 'done' | 'failed';
  readonly step: CloseStep;
  readonly phase: string | null;
  readonly done: number | null;
  readonly total: number | null;
  readonly percent: number;
  readonly result: { run: CloseRunSummary } | null;
  readonly error: { code: string; message: string; field?: string } | null;
}

export interface PersonChange {
  readonly id: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly totalPayDelta: string;
  readonly lines: readonly string[];
  readonly structured?: Structured;
}

export interface CloseLine {
  readonly id: string;
  readonly unit_id: string;
  readonly score: number | null;
  readonly grade: string | null;
  readonly rank_in_unit: number | null;
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
  readonly structured?: Structured;
  readonly eventCount: number | null;
  readonly events: string | null;
}

export interface Statement {
  readonly close: { id: number; period: string; asOf: string; state: CloseState; planVersion: number };
  readonly person: { id: string; name: string; unitId: string; unitName: string };
  readonly score: number | null;
  readonly grade: string | null;
  readonly rankInUnit: number | null;
  readonly scoreLines: readonly string[];
  readonly scoreStructured?: Structured;
  readonly rankLines: readonly string[];
  readonly rankStructured?: Structured;
  readonly items: readonly {
    metric: string;
    actual: string | number | null;
    goal: string | number | null;
    score: number;
    flag?: 'no_actual' | 'no_goal';
    explanation?: { lines?: readonly string[]; structured?: Structured } | null;
  }[];
  readonly pay: readonly PayLine[];
  readonly totalPay: string;
  readonly promotionEligible: boolean;
  readonly promotionLines: readonly string[];
  readonly promotionStructured?: Structured;
  readonly awards: readonly string[];
  readonly awardLines: readonly string[];
  readonly awardStructured?: Structured;
  readonly sincePrevious: { previousId: number | null; change: PersonChange | null };
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
  readonly estimated: { total_pay: string; pay: readonly { component: string; amount: string }[] };
  readonly difference: string;
  readonly explain: {
    readonly pay: readonly { component: string; lines: readonly string[]; structured?: Structured }[];
  } | null;
}

const enc = encodeURIComponent;

export const fetchRuns = (period: string) =>
  api<{ runs: CloseRunSummary[] }>('/closes', { query: { period } }).then((r) => r.runs);

export const fetchRun = (id: number) => api<CloseDetail>(`/closes/${id}`);

/** Starts a close in the background (202 with the job to poll). */
export const startClose = (period: string, reason?: string) =>
  api<{ job: CloseJob }>('/closes', {
    method: 'POST',
    body: { period, background: true, ...(reason ? { reason } : {}) },
  }).then((r) => r.job);

export const fetchCloseJob = (jobId: string) =>
  api<{ job: CloseJob }>(`/closes/jobs/${enc(jobId)}`).then((r) => r.job);

export const fetchRunDiff = (id: number) =>
  api<{ id: number; previousId: number | null; changes: PersonChange[] }>(`/closes/${id}/diff`);

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
