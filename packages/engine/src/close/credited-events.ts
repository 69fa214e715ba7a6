/**
 * The orders and payments behind a person's revenue or collected in a window (contract §4
 * crediting, with the metric's filters): the drill-down lines of a commission, so that a rep can
 * follow every yuan to its orders. One scan of the order book per close and filter set.
 */
import { fromDayNumber, toDayNumber } from '../dates.ts';
import { parseMetricKey } from '../metric-key.ts';
import type { FactStore } from '../store/fact-store.ts';
import { orderFilter } from '../store/order-scan.ts';
import type { CreditedEvent } from './close-types.ts';

export class CreditedEvents {
  private readonly byFilter = new Map<string, Map<number, CreditedEvent[]>>();
  private readonly fromDay: number;
  private readonly toDay: number;

  constructor(
    private readonly store: FactStore,
    from: string,
    to: string,
  ) {
    this.fromDay = toDayNumber(from);
    this.toDay = toDayNumber(to);
  }

  /** Events behind `key` for the person, in date then id order; null when the metric is not listed. */
  of(personId: string, key: string): CreditedEvent[] | null {
    const parsed = parseMetricKey(key);
    if ('error' in parsed || parsed.key.variant !== 'value') return null;
    if (parsed.key.base !== 'revenue' && parsed.key.base !== 'collected') return null;
    const kind = parsed.key.base === 'revenue' ? 'order' : 'payment';
    const memoKey = `${kind}|${key.replace(/^[a-z_]+/, '')}`;
    let index = this.byFilter.get(memoKey);
    if (!index) {
      index = this.scan(kind, orderFilter(this.store, parsed.key.filters));
      this.byFilter.set(memoKey, index);
    }
    const person = this.store.people.find(personId);
    return person < 0 ? [] : (index.get(person) ?? []);
  }

  private scan(
    kind: 'order' | 'payment',
    filter: ((order: number) => boolean) | null,
  ): Map<number, CreditedEvent[]> {
    const orders = this.store.orders;
    const index = new Map<number, CreditedEvent[]>();
    const add = (person: number, event: CreditedEvent) => {
      const list = index.get(person) ?? [];
      list.push(event);
      index.set(person, list);
    };
    const count = kind === 'order' ? orders.ids.size : orders.paymentIds.size;
    for (let row = 0; row < count; row++) {
      const order = kind === 'order' ? row : orders.paymentOrder.get(row);
      if (kind === 'payment' && !orders.paymentAlive.get(row)) continue;
      if (order < 0 || !orders.alive.get(order)) continue;
      const day = kind === 'order' ? orders.day.get(row) : orders.paymentDay.get(row);
      if (day < this.fromDay || day > this.toDay) continue;
      if (filter && !filter(order)) continue;
      const amount = kind === 'order' ? orders.amount.get(row) : orders.paymentAmount.get(row);
      const id = kind === 'order' ? orders.ids.name(row) : orders.paymentIds.name(row);
      for (const part of orders.creditedParts(order, amount)) {
        add(part.person, { kind, id, date: fromDayNumber(day), amount: part.amount });
      }
    }
    for (const list of index.values())
      list.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : 1));
    return index;
  }
}
