/**
 * The drill-down of a statement's pay line (issue 4: "reps can trace every yuan"): the orders or
 * payments the figure came from. A commission lists the credited events the run recorded in its
 * explanation (contract §4 shares); a bonus pool lists the credited orders of the pool's unit,
 * read from the live facts (the run keeps the pool's base and allocation, not every unit order).
 */
import {
  type CreditedEvent,
  type Fen,
  formatMoney,
  listCreditedOrders,
  parseMetricKey,
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
  if (pay.type === 'bonus_pool') {
    source = 'live';
    events = await poolEvents(ctx, run.planVersion, explain.rule.compensation, component, {
      units: run.explain.pools
        .filter((p) => p.component === component && p.allocations.some((a) => a.person === personId))
        .map((p) => p.unit),
      start: run.start,
      end: run.end,
      asOf: run.asOf,
    });
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

async function poolEvents(
  ctx: AppContext,
  planVersion: number,
  compensationId: string | null,
  component: string,
  window: { units: string[]; start: string; end: string; asOf: string },
): Promise<SourcedEvent[]> {
  const plan = await findPlanVersion(ctx.db.kysely, planVersion);
  const pool = plan?.plan.compensation
    .find((c) => c.id === compensationId)
    ?.components.find((c) => c.id === component);
  if (pool?.type !== 'bonus_pool') return [];
  const key = parseMetricKey(pool.base);
  if ('error' in key || key.key.base !== 'revenue' || key.key.variant !== 'value') return [];
  const store = await ctx.facts.current();
  return window.units.flatMap((unit) =>
    listCreditedOrders(store, {
      scope: { kind: 'unit', id: unit },
      startDay: toDayNumber(window.start),
      endDay: toDayNumber(window.end),
      asOfDay: toDayNumber(window.asOf),
      filters: key.key.filters,
      limit: Number.MAX_SAFE_INTEGER,
    }).map((o) => ({ kind: 'order' as const, id: o.orderId, date: o.date, amount: o.credited, unit })),
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
