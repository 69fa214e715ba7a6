import { useSearchParams } from 'react-router';
import type { RowsQuery } from '../../api/data.ts';

export const DEFAULT_PAGE_SIZE = 50;
const FILTER_PREFIX = 'f.';

/**
 * The data browser's state lives in the address (page, sort, search, dates, filters), so a
 * view can be bookmarked, shared and returned to with the back button.
 */
export function useBrowserParams() {
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string> = {};
  for (const [key, value] of params)
    if (key.startsWith(FILTER_PREFIX)) filters[key.slice(FILTER_PREFIX.length)] = value;
  const order = params.get('order');
  const query: RowsQuery = {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE,
    sort: params.get('sort') ?? undefined,
    order: order === 'asc' || order === 'desc' ? order : undefined,
    q: params.get('q') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    filters,
  };

  /** Changes some parameters; anything but paging goes back to page 1. */
  const update = (changes: Record<string, string | number | undefined | null>) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === null || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: false },
    );
  };
  const setFilter = (column: string, value: string | undefined) =>
    update({ [`${FILTER_PREFIX}${column}`]: value });
  const clear = () => setParams(new URLSearchParams());
  return { query, update, setFilter, clear };
}
