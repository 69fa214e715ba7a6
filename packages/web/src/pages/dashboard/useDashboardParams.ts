import { useSearchParams } from 'react-router';
import type { Dimension } from './BreakdownChart.tsx';
import type { DashboardQuery } from './dashboardApi.ts';

const FILTERS = ['product_line', 'customer_type', 'region'] as const;

/** The dashboard's state lives in the URL (`?period=2026-Q3&scope=unit:R-EAST&grain=week`): shareable, back-button friendly. */
export function useDashboardParams(defaultPeriod: string) {
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope');
  const [scopeKind, scopeId] = scope
    ? (scope.split(/:(.*)/s) as ['person' | 'unit', string])
    : [undefined, undefined];
  const query: DashboardQuery = {
    period: params.get('period') ?? defaultPeriod,
    ...(scopeKind && scopeId ? { scopeKind, scopeId } : {}),
    ...Object.fromEntries(FILTERS.filter((f) => params.get(f)).map((f) => [f, params.get(f) as string])),
  };
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };
  return {
    query,
    grain: (params.get('grain') === 'week' ? 'week' : 'month') as 'month' | 'week',
    dimension: (params.get('dimension') ?? 'product_line') as Dimension,
    update,
    openScope: (kind: 'person' | 'unit', id: string) => update({ scope: `${kind}:${id}` }),
  };
}
