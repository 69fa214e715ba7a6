import { api } from '../../api/client.ts';

/** Shapes of /api/v1/plans (docs/pay.md, docs/plans.md). Money values are exact strings. */
export interface PlanVersionSummary {
  readonly version: number;
  readonly appliedBy: string;
  readonly appliedAt: string;
  readonly note: string | null;
}

export interface PlanVersionDetail extends PlanVersionSummary {
  readonly yaml: string;
  /** The plan in the file's shape, decimals as text. */
  readonly file: unknown;
}

export interface PlanChange {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly line: string;
}

export interface PlanIssue {
  readonly path: string;
  readonly message: string;
}

export interface PreviewPerson {
  readonly id: string;
  readonly name: string | null;
  readonly unitId: string | null;
  readonly score: number | null;
  readonly grade: string | null;
  readonly totalPay: string | null;
  readonly before: {
    readonly score: number | null;
    readonly grade: string | null;
    readonly totalPay: string;
  } | null;
  readonly change: string;
}

export interface PlanPreview {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly asOf: string;
  readonly basedOnRun: { readonly id: number; readonly planVersion: number; readonly createdAt: string };
  readonly people: readonly PreviewPerson[];
  readonly totals: { readonly totalPay: string; readonly before: string; readonly change: string };
  readonly changes: readonly PlanChange[];
  readonly file: unknown;
  readonly yaml: string;
}

export const fetchVersions = async () => (await api<{ versions: PlanVersionSummary[] }>('/plans')).versions;

export const fetchVersion = (version: number) => api<PlanVersionDetail>(`/plans/${version}`);

export const fetchDiff = (version: number, against: number) =>
  api<{ version: number; against: number | null; changes: PlanChange[] }>(`/plans/${version}/diff`, {
    query: { against },
  });

export const previewPlan = (yaml: string, signal?: AbortSignal) =>
  api<PlanPreview>('/plans/preview', { method: 'POST', body: { yaml }, signal });

export const applyPlan = (yaml: string, note: string) =>
  api<{ version: number; previousVersion: number | null; changes: PlanChange[] }>('/plans', {
    method: 'POST',
    body: { yaml, note },
  });
