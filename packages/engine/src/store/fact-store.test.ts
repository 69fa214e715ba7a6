import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../compute-metrics.ts';
import { fen } from '../money.ts';
import { OrgChart } from '../org-chart.ts';
import { FactStore } from './fact-store.ts';

const org = new OrgChart(
  [{ id: 'co' }, { id: 't1', parentId: 'co' }],
  [
    { id: 'a', unitId: 't1' },
    { id: 'b', unitId: 't1' },
  ],
);
const order = (id: string, amount: number, date = '2026-07-10', customerId = 'c1') => ({
  id,
  date,
  repId: 'a',
  customerId,
  productId: 'p1',
  amount: fen(amount),
});
const metrics = (store: FactStore, scope: { kind: 'person' | 'unit'; id: string }, keys: string[]) =>
  computeMetrics(store, { scope, period: '2026-07', asOf: '2026-07-31', metrics: keys }).metrics;

function fresh(): FactStore {
  const store = new FactStore();
  store.setOrg(org);
  return store;
}

describe('FactStore behaviours', () => {
  it("finds a customer's first order again when it is dated later, moved or removed, alone or in a batch", () => {
    const newCustomersOn = (store: FactStore) =>
      Object.entries(store.dumpAggregates())
        .filter(([, row]) => row[3] !== 0)
        .map(([key, row]) => [key, row[3]])
        .sort();
    for (const batched of [false, true]) {
      const store = fresh();
      const apply = (facts: ReturnType<typeof order>[]) => {
        if (batched) store.load({ orders: facts });
        else for (const fact of facts) store.upsertOrder(fact);
      };
      apply([order('o1', 5, '2026-07-01'), order('o2', 5, '2026-07-10'), order('o3', 5, '2026-07-20')]);
      expect(newCustomersOn(store)).toEqual([['sales:a:20635', 1]]);
      apply([order('o1', 5, '2026-07-15')]); // later: o2 is now first
      expect(newCustomersOn(store)).toEqual([['sales:a:20644', 1]]);
      apply([order('o2', 5, '2026-07-05')]); // earlier: o2 stays first, on its new day
      expect(newCustomersOn(store)).toEqual([['sales:a:20639', 1]]);
      apply([order('o2', 5, '2026-07-05', 'c2')]); // moved: o1 is c1's first, o2 c2's
      expect(newCustomersOn(store)).toEqual([
        ['sales:a:20639', 1],
        ['sales:a:20649', 1],
      ]);
      store.removeOrder('o1');
      expect(newCustomersOn(store)).toEqual([
        ['sales:a:20639', 1],
        ['sales:a:20654', 1],
      ]);
    }
  });

  it('counts a split order once per credited rep, even when a part rounds to 0.00, and once for the unit', () => {
    const store = fresh();
    store.upsertOrder(order('o1', 1));
    store.setOrderCredits('o1', [
      { repId: 'b', share: '0.5' },
      { repId: 'a', share: '0.5' },
    ]);
    expect(metrics(store, { kind: 'person', id: 'a' }, ['revenue', 'orders'])).toEqual({
      revenue: 1,
      orders: 1,
    });
    expect(metrics(store, { kind: 'person', id: 'b' }, ['revenue', 'orders'])).toEqual({
      revenue: 0,
      orders: 1,
    });
    expect(metrics(store, { kind: 'unit', id: 't1' }, ['revenue', 'orders', 'new_customers'])).toEqual({
      revenue: 1,
      orders: 1,
      new_customers: 1,
    });
  });

  it('credits a payment that arrives before its order once the order arrives, with its shares', () => {
    const store = fresh();
    store.upsertPayment({ id: 'y1', date: '2026-07-20', orderId: 'o1', amount: fen(300) });
    store.setOrderCredits('o1', [
      { repId: 'a', share: '0.3333' },
      { repId: 'b', share: '0.6667' },
    ]);
    expect(metrics(store, { kind: 'person', id: 'b' }, ['collected'])).toEqual({ collected: 0 });
    store.upsertOrder(order('o1', 300));
    expect(metrics(store, { kind: 'person', id: 'b' }, ['collected', 'revenue'])).toEqual({
      collected: 200,
      revenue: 200,
    });
    store.removeOrder('o1');
    expect(metrics(store, { kind: 'person', id: 'b' }, ['collected', 'revenue'])).toEqual({
      collected: 0,
      revenue: 0,
    });
  });

  it('moves the first order of a customer when an earlier one arrives or the first goes', () => {
    const store = fresh();
    store.upsertOrder(order('o2', 100, '2026-07-10'));
    expect(metrics(store, { kind: 'person', id: 'a' }, ['new_customers', 'new_customer_revenue'])).toEqual({
      new_customers: 1,
      new_customer_revenue: 100,
    });
    store.upsertOrder(order('o1', 50, '2026-06-30'));
    expect(metrics(store, { kind: 'person', id: 'a' }, ['new_customers', 'new_customer_revenue'])).toEqual({
      new_customers: 0,
      new_customer_revenue: 0,
    });
    store.removeOrder('o1');
    expect(metrics(store, { kind: 'person', id: 'a' }, ['new_customers'])).toEqual({ new_customers: 1 });
    // Same day: the smaller order id is the first.
    store.upsertOrder({ ...order('o0', 10, '2026-07-10'), repId: 'b' });
    expect(metrics(store, { kind: 'person', id: 'b' }, ['new_customers'])).toEqual({ new_customers: 1 });
    expect(metrics(store, { kind: 'person', id: 'a' }, ['new_customers'])).toEqual({ new_customers: 0 });
  });

  it('reflects a product re-import in filtered keys (query memos follow the store version)', () => {
    const store = fresh();
    store.upsertProduct({ id: 'p1', line: 'A' });
    store.upsertOrder(order('o1', 100));
    expect(metrics(store, { kind: 'person', id: 'a' }, ['revenue{product_line=A}'])).toEqual({
      'revenue{product_line=A}': 100,
    });
    store.upsertProduct({ id: 'p1', line: 'B' });
    expect(metrics(store, { kind: 'person', id: 'a' }, ['revenue{product_line=A}'])).toEqual({
      'revenue{product_line=A}': 0,
    });
    store.upsertOrder(order('o2', 5));
    expect(metrics(store, { kind: 'person', id: 'a' }, ['revenue{product_line=B}'])).toEqual({
      'revenue{product_line=B}': 105,
    });
  });

  it('rejects credit shares that do not sum to 1', () => {
    expect(() => fresh().setOrderCredits('o1', [{ repId: 'a', share: '0.5' }])).toThrow(
      'order o1: shares sum to 0.5, not 1',
    );
  });

  it('restores the rep_id when the credits are cleared', () => {
    const store = fresh();
    store.upsertOrder(order('o1', 100));
    store.setOrderCredits('o1', [{ repId: 'b', share: '1' }]);
    expect(metrics(store, { kind: 'person', id: 'b' }, ['revenue'])).toEqual({ revenue: 100 });
    store.setOrderCredits('o1', null);
    expect(metrics(store, { kind: 'person', id: 'a' }, ['revenue'])).toEqual({ revenue: 100 });
    expect(metrics(store, { kind: 'person', id: 'b' }, ['revenue'])).toEqual({ revenue: 0 });
  });
});
