/**
 * Stored ids as the database hands them over: one JSON array text per page of a table's ids
 * (stored-facts.ts). A large import sends these texts to the validation thread untouched — a
 * string crosses to a thread as one memory copy — and only the thread that checks the rows
 * parses them, so the importing thread, the one that writes, spends nothing on ids it never
 * reads (docs/performance.md, import).
 */
export type IdPages = readonly string[];

/** The ids of every page, in page order. */
function idsOf(pages: IdPages): string[] {
  if (pages.length === 1) return JSON.parse(pages[0] as string) as string[];
  const ids: string[] = [];
  for (const page of pages) for (const id of JSON.parse(page) as string[]) ids.push(id);
  return ids;
}

/** The ids of every page, as one set. */
export const idSetOf = (pages: IdPages): Set<string> => new Set(idsOf(pages));

/** What pass 1 asks of an entity's stored ids; `add` records an id found stored later. */
export interface IdLookup {
  has(id: string): boolean;
  add(id: string): void;
}

/**
 * The ids of every page, for lookups. The pages come in id order, so when their ids increase
 * strictly in JavaScript's order too (UTF-16 code units: a database collation may differ, e.g.
 * PostgreSQL's en_US, and then every id goes to a Set), an id is found by binary search in the
 * parsed array and no hash set is built: building one cost ~25 ms for the 60,000 ids a file of
 * 5,000 order credits may name, a third of its import (docs/performance.md, import). Ids learned
 * later are kept in a Set beside the array.
 */
export class StoredIds implements IdLookup {
  private readonly sorted: readonly string[];
  private readonly others: Set<string>;

  constructor(pages: IdPages) {
    const ids = idsOf(pages);
    const increasing = ids.every((id, i) => i === 0 || (ids[i - 1] as string) < id);
    this.sorted = increasing ? ids : [];
    this.others = increasing ? new Set() : new Set(ids);
  }

  has(id: string): boolean {
    const sorted = this.sorted;
    let low = 0;
    let high = sorted.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = sorted[middle] as string;
      if (at === id) return true;
      if (at < id) low = middle + 1;
      else high = middle - 1;
    }
    return this.others.size > 0 && this.others.has(id);
  }

  add(id: string): void {
    if (!this.has(id)) this.others.add(id);
  }
}
