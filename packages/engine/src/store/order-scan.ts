/**
 * The parts of contract §5 that read facts rather than the cube: metrics with filters (through
 * the order's product and customer), new_customer_revenue (orders of the customers first seen in
 * the window), lead_conversion_rate (converted_on ≤ A is not a per-day sum). Each reads only
 * typed-array columns and only credits the people of the scope.
 */
import type { MetricFilters } from '../metric-key.ts';
import type { FactStore } from './fact-store.ts';
import { NO_DAY } from './growable.ts';
import { counts, type ResolvedScope } from './scope.ts';
import type { Sums } from './sums.ts';

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

/** Adds the order's part credited to the scope; returns how many credited reps count on that day. */
function creditOrder(store: FactStore, scope: ResolvedScope, order: number, sums: Sums): number {
  const orders = store.orders;
  const day = orders.day.get(order);
  const solo = orders.soloPerson(order);
  if (solo >= 0) {
    if (!counts(scope, solo, day)) return 0;
    sums.revenue += orders.amount.get(order);
    sums.cost += orders.cost.get(order);
    return 1;
  }
  const revenue = orders.creditedParts(order, orders.amount.get(order));
  const cost = orders.creditedParts(order, orders.cost.get(order));
  let counted = 0;
  for (let i = 0; i < revenue.length; i++) {
    if (!counts(scope, revenue[i]!.person, day)) continue;
    counted++;
    sums.revenue += revenue[i]!.amount;
    sums.cost += cost[i]!.amount;
  }
  return counted;
}

/**
 * Order and payment sums by scanning the columns (the path for filtered keys).
 * Orders and new customers count once per order for any scope (once per rep for a person,
 * once for a unit — contract §5).
 */
export function scanSales(
  store: FactStore,
  scope: ResolvedScope,
  from: number,
  to: number,
  accept: (order: number) => boolean,
  sums: Sums,
): void {
  if (scope.members.size === 0) return;
  const orders = store.orders;
  const alive = orders.alive.raw();
  const days = orders.day.raw();
  const size = orders.ids.size;
  for (let order = 0; order < size; order++) {
    if (!alive[order] || days[order]! < from || days[order]! > to || !accept(order)) continue;
    if (creditOrder(store, scope, order, sums) === 0) continue;
    if (orders.amount.get(order) > 0) sums.orders++;
    if (orders.firstOrder.get(orders.customer.get(order)) === order) sums.newCustomers++;
  }
  const paymentAlive = orders.paymentAlive.raw();
  const paymentDays = orders.paymentDay.raw();
  for (let payment = 0; payment < orders.paymentIds.size; payment++) {
    const day = paymentDays[payment]!;
    if (!paymentAlive[payment] || day < from || day > to) continue;
    const order = orders.paymentOrder.get(payment);
    if (!orders.alive.get(order) || !accept(order)) continue;
    const solo = orders.soloPerson(order);
    if (solo >= 0) {
      if (counts(scope, solo, day)) sums.collected += orders.paymentAmount.get(payment);
      continue;
    }
    for (const part of orders.creditedParts(order, orders.paymentAmount.get(payment))) {
      if (counts(scope, part.person, day)) sums.collected += part.amount;
    }
  }
}

/**
 * new_customer_revenue: revenue in [from, to] from all orders (returns included) of customers
 * whose first order ever falls in [from, to] (contract §5).
 */
export function sumNewCustomerRevenue(
  store: FactStore,
  scope: ResolvedScope,
  from: number,
  to: number,
  accept: (order: number) => boolean,
): number {
  const orders = store.orders;
  const probe = { revenue: 0, cost: 0 } as Sums;
  for (const [day, customers] of orders.firstByDay) {
    if (day < from || day > to) continue;
    for (const customer of customers) {
      for (const order of orders.ordersOf(customer)) {
        if (orders.day.get(order) <= to && accept(order)) creditOrder(store, scope, order, probe);
      }
    }
  }
  return probe.revenue;
}

/** Leads created in [from, to] for the scope, and of those the ones converted on or before A. */
export function countLeads(
  store: FactStore,
  scope: ResolvedScope,
  from: number,
  to: number,
  asOfDay: number,
) {
  const leads = store.events.leads;
  let created = 0;
  let converted = 0;
  if (scope.members.size === 0) return { created, converted };
  const alive = leads.alive.raw();
  const days = leads.day.raw();
  for (let row = 0; row < leads.ids.size; row++) {
    const day = days[row]!;
    if (!alive[row] || day < from || day > to || !counts(scope, leads.person.get(row), day)) continue;
    created++;
    const on = store.events.leadConverted.get(row);
    if (on !== NO_DAY && on <= asOfDay) converted++;
  }
  return { created, converted };
}
