/**
 * One pass over the facts for every person at once, memoised per store version: a report over
 * all people (contract §7 `--by person`) then scans the orders once per window and filter, not
 * once per person. Person scopes only: units count split orders once, which a per-person
 * result cannot tell.
 */
import type { FactStore } from './fact-store.ts';
import { type CreditSink, scanSales, sumNewCustomerRevenue } from './order-scan.ts';
import { emptySums, type Sums } from './sums.ts';

export interface PersonPassQuery {
  readonly from: number;
  readonly to: number;
  readonly asOfDay: number;
  /** Canonical text of the filters ('' for none), the memo key's part. */
  readonly filterKey: string;
  readonly accept: (order: number) => boolean;
  readonly part: 'sales' | 'newCustomerRevenue';
}

const MEMO_LIMIT = 64;

/**
 * Sums of one part (sales scan or new customer revenue) for every person.
 * @example personPass(store, { from, to, asOfDay, filterKey: '', accept: () => true, part: 'newCustomerRevenue' }).get(person)
 */
export function personPass(store: FactStore, query: PersonPassQuery): ReadonlyMap<number, Sums> {
  const key = `${store.version}|${query.part}|${query.from}|${query.to}|${query.asOfDay}|${query.filterKey}`;
  const memo = store.memo as Map<string, ReadonlyMap<number, Sums>>;
  const hit = memo.get(key);
  if (hit) return hit;
  const byPerson = new Map<number, Sums>();
  const sink: CreditSink = {
    target: (person) => {
      const found = byPerson.get(person);
      if (found) return found;
      const sums = emptySums();
      byPerson.set(person, sums);
      return sums;
    },
  };
  if (query.part === 'sales') scanSales(store, sink, query.from, query.to, query.accept);
  else sumNewCustomerRevenue(store, sink, query.from, query.to, query.accept);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, byPerson);
  return byPerson;
}
