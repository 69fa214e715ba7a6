/**
 * The parts of contract §5 that read facts rather than the cube: metrics with filters (through
 * the order's product and customer), new_customer_revenue (orders of the customers first seen in
 * the window), lead_conversion_rate (converted_on ≤ A is not a per-day sum). Each reads only
 * typed-array columns and credits through a {@link CreditSink}: one scope's sums, or every
 * person's at once (person-pass.ts) so that a report over all people scans once.
 */
import type { MetricFilters } from '../metric-key.ts';
import { bitOf } from './capacity.ts';
import type { FactStore } from './fact-store.ts';
import { NO_DAY } from './growable.ts';
import { counts, type ResolvedScope } from './scope.ts';
import type { Sums } from './sums.ts';

/** Where credited amounts go: the sums of the person's target, or null when they do not count that day. */
export interface CreditSink {
  target(person: number, day: number): Sums | null;
}

/** A sink that adds everything counting for one scope into one Sums. */
export function scopeSink(scope: ResolvedScope, sums: Sums): CreditSink {
  return { target: (person, day) => (counts(scope, person, day) ? sums : null) };
}

/** A predicate on order indices for the filters; null when there are none. */
export function orderFilter(store: FactStore, filters: MetricFilters): ((order: number) => boolean) | null {
  const { product_line: line, customer_type: type, region } = filters;
  if (line === undefined && type === undefined && region === undefined) return null;
  const orders = store.orders;
  return (order) =>
    (line === undefined || store.lineOfProduct(orders.product.get(order)) === line) &&
    (type === undefined || store.typeOfCustomer(orders.customer.get(order)) === type) &&
    (region === undefined || store.regionOfCustomer(orders.customer.get(order)) === region);
}

/**
 * Credits an order's revenue and cost to the sink; returns the distinct targets it counted for
 * (so that a unit counts a split order once and each rep once — contract §5 `orders`).
 */
function creditOrder(
  store: FactStore,
  sink: CreditSink,
  order: number,
  field: 'revenue' | 'newCustomerRevenue',
): Sums[] {
  const orders = store.orders;
  const day = orders.day.get(order);
  const solo = orders.soloPerson(order);
  if (solo >= 0) {
    const target = sink.target(solo, day);
    if (!target) return [];
    target[field] += orders.amount.get(order);
    if (field === 'revenue') target.cost += orders.cost.get(order);
    return [target];
  }
  const revenue = orders.creditedParts(order, orders.amount.get(order));
  const cost = orders.creditedParts(order, orders.cost.get(order));
  const targets: Sums[] = [];
  for (let i = 0; i < revenue.length; i++) {
    const target = sink.target(revenue[i]!.person, day);
    if (!target) continue;
    target[field] += revenue[i]!.amount;
    if (field === 'revenue') target.cost += cost[i]!.amount;
    if (!targets.includes(target)) targets.push(target);
  }
  return targets;
}

/** Order and payment sums in [from, to] by scanning the columns (the path for filtered keys). */
export function scanSales(
  store: FactStore,
  sink: CreditSink,
  from: number,
  to: number,
  accept: (order: number) => boolean,
): void {
  const orders = store.orders;
  const alive = orders.alive.raw();
  const days = orders.day.raw();
  const size = orders.ids.size;
  for (let order = 0; order < size; order++) {
    if (!bitOf(alive, order) || days[order]! < from || days[order]! > to || !accept(order)) continue;
    const targets = creditOrder(store, sink, order, 'revenue');
    if (targets.length === 0) continue;
    const positive = orders.amount.get(order) > 0;
    const first = orders.firstOrder.get(orders.customer.get(order)) === order;
    for (const target of targets) {
      if (positive) target.orders++;
      if (first) target.newCustomers++;
    }
  }
  const paymentAlive = orders.paymentAlive.raw();
  const paymentDays = orders.paymentDay.raw();
  for (let payment = 0; payment < orders.paymentIds.size; payment++) {
    const day = paymentDays[payment]!;
    if (!bitOf(paymentAlive, payment) || day < from || day > to) continue;
    const order = orders.paymentOrder.get(payment);
    if (!orders.alive.get(order) || !accept(order)) continue;
    for (const part of orders.creditedParts(order, orders.paymentAmount.get(payment))) {
      const target = sink.target(part.person, day);
      if (target) target.collected += part.amount;
    }
  }
}

/**
 * new_customer_revenue: revenue in [from, to] from all orders (returns included) of customers
 * whose first order ever falls in [from, to] (contract §5).
 */
export function sumNewCustomerRevenue(
  store: FactStore,
  sink: CreditSink,
  from: number,
  to: number,
  accept: (order: number) => boolean,
): void {
  // A pass over the orders rather than an index by day or a list per customer, which cost
  // ~6 bytes per order for all the store's life (issue 5, memory): the person pass that calls
  // this is memoised per version (person-pass.ts).
  store.orders.forEachNewCustomerOrder(from, to, (order) => {
    if (accept(order)) creditOrder(store, sink, order, 'newCustomerRevenue');
  });
}

/** Leads created in [from, to], and of those the ones converted on or before A (contract §5). */
export function countLeads(
  store: FactStore,
  sink: CreditSink,
  from: number,
  to: number,
  asOfDay: number,
): void {
  const leads = store.events.leads;
  const alive = leads.alive.raw();
  const days = leads.day.raw();
  for (let row = 0; row < leads.ids.size; row++) {
    const day = days[row]!;
    if (!bitOf(alive, row) || day < from || day > to) continue;
    const target = sink.target(leads.person.get(row), day);
    if (!target) continue;
    // Only the conversions: the lead count itself comes from the cube.
    const on = store.events.leadConverted.get(row);
    if (on !== NO_DAY && on <= asOfDay) target.leadsConverted++;
  }
}
