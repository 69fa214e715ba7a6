import { api } from './client.ts';
import type { AuditRow, EntityMeta, EntityPage, OrgUnit, Page, PersonDetail, PersonRow } from './types.ts';

export const fetchEntities = () => api<EntityMeta[]>('/entities');

export interface RowsQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly sort?: string;
  readonly order?: 'asc' | 'desc';
  readonly q?: string;
  readonly from?: string;
  readonly to?: string;
  /** Exact-value filters, sent as `f.<column>=<value>`. */
  readonly filters?: Record<string, string | undefined>;
}

export function fetchEntityRows(entity: string, query: RowsQuery) {
  const { filters, ...rest } = query;
  const flat: Record<string, string | number | undefined> = { ...rest };
  for (const [column, value] of Object.entries(filters ?? {})) flat[`f.${column}`] = value;
  return api<EntityPage>(`/entities/${encodeURIComponent(entity)}/rows`, { query: flat });
}

export const fetchOrgTree = () => api<{ units: OrgUnit[] }>('/org/tree');

export const fetchPeople = (query: { unitId: string; page: number; pageSize: number; q?: string }) =>
  api<Page<PersonRow>>('/people', { query: { ...query, includeSubunits: true } });

export const fetchPerson = (id: string) => api<PersonDetail>(`/people/${encodeURIComponent(id)}`);

export const fetchAudit = (query: { page: number; pageSize: number; entity?: string; actor?: string }) =>
  api<Page<AuditRow>>('/audit', { query });
