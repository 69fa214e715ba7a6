/**
 * The drill-down of a statement's pay line (issue 4: "reps can trace every yuan"): the orders or
 * payments the figure came from. A commission lists the credited events the run recorded in its
 * explanation (contract §4 shares); a bonus pool lists the credited orders of the pool's unit,
 * read from the live facts (the run keeps the pool's base and allocation, not every unit order),
 * as does a commission whose events were too many to store with the run (MAX_STORED_EVENTS).
 */
import {
  type CreditedEvent,
  type Fen,
  formatMoney,
  listCreditedOrders,
  type MetricFilters,
  parseMetricKey,
  type Scope,
  toDayNumber,
} from '@attain/engine';
import { notFound } from '../../errors.ts';
import type { AppContext } from '../../http/context.ts';
import type { RequestScope } from '../access/request-scope.ts';
import type { Actor } from '../auth/actor.ts';
import { findPlanVersion } from '../plans/plans.repository.ts';
import { statementRun } from './statements.service.ts';

export interface LineEventsQuery {
  readonly closeId?: number;
  readonly period?: string;
  readonly page: number;
  readonly pageSize: number;
}

interface SourcedEvent extends CreditedEvent {
  readonly unit?: string;
}

export async function listLineEvents(
  ctx: AppContext,
  actor: Actor,
  access: RequestScope,
  personId: string,
  component: string,
  query: LineEventsQuery,
) {
  const { run, explain } = await statementRun(ctx, actor, access, personId, query);
  const pay = explain.pay.find((p) => p.component === component);
  if (!pay) throw notFound(`pay line ${component} of ${personId}`);
  let events: SourcedEvent[] = [...(pay.events ?? [])];
  let source: 'run' | 'live' = 'run';
  const window = { start: run.start, end: run.end, asOf: run.asOf };
  if (pay.type === 'bonus_pool' || !pay.events) {
    // A pool's unit orders, or a commission whose events were too many to store with the run.
    source = 'live';
    const base = await revenueBaseOf(ctx, run.planVersion, explain.rule.compensation, component);
    const scopes =
      pay.type === 'bonus_pool'
        ? run.explain.pools
            .filter((p) => p.component === component && p.allocations.some((a) => a.person === personId))
            .map((p) => ({ kind: 'unit' as const, id: p.unit }))
        : [{ kind: 'person' as const, id: personId }];
    events = base ? await liveOrderEvents(ctx, base, scopes, window) : [];
  }
  const slice = events.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  return {
    closeId: run.id,
    component,
    type: pay.type,
    source,
    total: events.length,
    page: query.page,
    pageSize: query.pageSize,
    events: await withFacts(ctx, slice),
  };
}

/** The filters of a component whose base is `revenue` (orders); null for any other base. */
async function revenueBaseOf(
  ctx: AppContext,
  planVersion: number,
  compensationId: string | null,
  component: string,
): Promise<MetricFilters | null> {
  const plan = await findPlanVersion(ctx.db.kysely, planVersion);
  const found = plan?.plan.compensation
    .find((c) => c.id === compensationId)
    ?.components.find((c) => c.id === component);
  if (!found || (found.type !== 'bonus_pool' && found.type !== 'tiered_commission')) return null;
  const key = parseMetricKey(found.base);
  if ('error' in key || key.key.base !== 'revenue' || key.key.variant !== 'value') return null;
  return key.key.filters;
}

async function liveOrderEvents(
  ctx: AppContext,
  filters: MetricFilters,
  scopes: readonly Scope[],
  window: { start: string; end: string; asOf: string },
): Promise<SourcedEvent[]> {
  const store = await ctx.facts.current();
  return scopes.flatMap((scope) =>
    listCreditedOrders(store, {
      scope,
      startDay: toDayNumber(window.start),
      endDay: toDayNumber(window.end),
      asOfDay: toDayNumber(window.asOf),
      filters,
      limit: Number.MAX_SAFE_INTEGER,
    }).map((o) => ({
      kind: 'order' as const,
      id: o.orderId,
      date: o.date,
      amount: o.credited,
      ...(scope.kind === 'unit' ? { unit: scope.id } : {}),
    })),
  );
}

/** Adds the fact rows' fields (customer, product, whole amount; the order of a payment). */
async function withFacts(ctx: AppContext, events: readonly SourcedEvent[]) {
  const db = ctx.db.kysely;
  const paymentIds = events.filter((e) => e.kind === 'payment').map((e) => e.id);
  const payments = paymentIds.length
    ? await db
        .selectFrom('payments')
        .select(['id', 'order_id', 'amount'])
        .where('id', 'in', paymentIds)
        .execute()
    : [];
  const paymentOrder = new Map(payments.map((p) => [p.id, p]));
  const orderIds = [
    ...new Set(events.map((e) => (e.kind === 'order' ? e.id : (paymentOrder.get(e.id)?.order_id ?? e.id)))),
  ];
  const orders = orderIds.length
    ? await db
        .selectFrom('orders')
        .select(['id', 'rep_id', 'customer_id', 'product_id', 'amount'])
        .where('id', 'in', orderIds)
        .execute()
    : [];
  const orderById = new Map(orders.map((o) => [o.id, o]));
  return events.map((e) => {
    const payment = e.kind === 'payment' ? paymentOrder.get(e.id) : undefined;
    const order = orderById.get(payment ? payment.order_id : e.id);
    return {
      kind: e.kind,
      id: e.id,
      date: e.date,
      credited: formatMoney(e.amount as Fen),
      amount: formatMoney(Number(payment?.amount ?? order?.amount ?? 0) as Fen),
      orderId: order?.id ?? null,
      repId: order?.rep_id ?? null,
      customerId: order?.customer_id ?? null,
      productId: order?.product_id ?? null,
      ...(e.unit ? { unit: e.unit } : {}),
    };
  });
}
