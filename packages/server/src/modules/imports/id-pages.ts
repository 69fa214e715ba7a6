/**
 * Stored ids as the database hands them over: one JSON array text per page of a table's ids
 * (stored-facts.ts). A large import sends these texts to the validation thread untouched — a
 * string crosses to a thread as one memory copy — and only the thread that checks the rows
 * parses them, so the importing thread, the one that writes, spends nothing on ids it never
 * reads (docs/performance.md, import).
 */
export type IdPages = readonly string[];

/** The ids of every page, as one set. */
export function idSetOf(pages: IdPages): Set<string> {
  const ids = new Set<string>();
  for (const page of pages) for (const id of JSON.parse(page) as string[]) ids.add(id);
  return ids;
}
