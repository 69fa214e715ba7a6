import { z } from 'zod';

/** Query of the data browser: paging, sorting, text search, date range, exact filters `f.<column>`. */
export const browseQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
    sort: z.string().optional(),
    order: z.enum(['asc', 'desc']).optional(),
    q: z.string().trim().max(200).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .catchall(z.string());

export type BrowseQuery = z.infer<typeof browseQuerySchema>;

/** The `f.<column>` entries of a query. */
export function exactFilters(query: Record<string, unknown>): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('f.') && typeof value === 'string' && value !== '') filters[key.slice(2)] = value;
  }
  return filters;
}
