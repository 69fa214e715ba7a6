/**
 * The orders behind a revenue figure (the "why?" panel, STYLE §1): each order of the window
 * credited to the scope, with the part credited (contract §4) and the rep it went to.
 */
import { fromDayNumber } from '../dates.ts';
import type { MetricFilters } from '../metric-key.ts';
import { type Fen, fen } from '../money.ts';
import type { FactStore } from './fact-store.ts';
import { orderFilter } from './order-scan.ts';
import { counts, resolveScope, type Scope } from './scope.ts';

export interface CreditedOrderLine {
  readonly orderId: string;
  readonly date: string;
  readonly repId: string;
  readonly customerId: string;
  readonly productId: string;
  /** The whole order amount. */
  readonly amount: Fen;
  /** The part credited to `repId` (equal to `amount` unless the order is split). */
  readonly credited: Fen;
}

export interface CreditedOrdersQuery {
  readonly scope: Scope;
  readonly startDay: number;
  readonly endDay: number;
  readonly asOfDay: number;
  readonly filters?: MetricFilters;
  /** At most this many lines (default 1000), by date then order id. */
  readonly limit?: number;
}

/**
 * Lists the credited order lines that make up `revenue` for the scope and window.
 * @example listCreditedOrders(store, { scope: { kind: 'person', id: 'r1' }, startDay, endDay, asOfDay })
 *   // [{ orderId: 'o1', date: '2026-07-01', repId: 'r1', amount: 100000, credited: 100000, ... }]
 */
export function listCreditedOrders(store: FactStore, query: CreditedOrdersQuery): CreditedOrderLine[] {
  const to = Math.min(query.endDay, query.asOfDay);
  const scope = resolveScope(store, query.scope, query.startDay, to);
  const accept = orderFilter(store, query.filters ?? {}) ?? (() => true);
  const orders = store.orders;
  const lines: CreditedOrderLine[] = [];
  for (let order = 0; order < orders.ids.size && scope.members.size > 0; order++) {
    const day = orders.day.get(order);
    if (!orders.alive.get(order) || day < query.startDay || day > to || !accept(order)) continue;
    const amount = orders.amount.get(order);
    for (const part of orders.creditedParts(order, amount)) {
      if (!counts(scope, part.person, day)) continue;
      lines.push({
        orderId: orders.ids.name(order),
        date: fromDayNumber(day),
        repId: store.people.name(part.person),
        customerId: orders.customers.name(orders.customer.get(order)),
        productId: orders.products.name(orders.product.get(order)),
        amount: fen(amount),
        credited: fen(part.amount),
      });
    }
  }
  lines.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.orderId < b.orderId ? -1 : 1));
  return lines.slice(0, query.limit ?? 1000);
}
