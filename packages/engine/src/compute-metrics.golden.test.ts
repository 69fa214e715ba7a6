import { describe, expect, it } from 'vitest';
import { computeMetrics } from './compute-metrics.ts';
import { BASE_METRICS } from './metric-names.ts';
import type { Scope } from './store/scope.ts';
import { goldenStore } from './testing/golden-company.ts';

const store = goldenStore();
const person = (id: string): Scope => ({ kind: 'person', id });
const unit = (id: string): Scope => ({ kind: 'unit', id });
const q3 = (scope: Scope, asOf = '2026-09-30', metrics?: string[]) =>
  computeMetrics(store, { scope, period: '2026-Q3', asOf, ...(metrics ? { metrics } : {}) }).metrics;

// Hand-computed in testing/golden-company.ts's terms; money in fen. o3 = 100.01 split
// 0.3333/0.3333/0.3334 → r1 33.33, r2 33.33, r3 33.35 (the leftover fen to r3's larger remainder).
describe('golden company, 2026-Q3 as of 2026-09-30, every base metric', () => {
  it.each<[string, Scope, Record<string, number | null>]>([
    [
      'r1',
      person('r1'),
      {
        revenue: 103333,
        orders: 2,
        avg_order_value: 1033.33 / 2,
        gross_margin_rate: 43333 / 103333,
        new_customers: 2,
        new_customer_revenue: 103333,
        new_customer_share: 1,
        collected: 83333,
        collection_rate: 83333 / 103333,
        visits: 2,
        calls: 1,
        demos: 0,
        proposals: 0,
        activities: 3,
        leads: 2,
        lead_conversion_rate: 0.5,
        pipeline_value: 200000,
        win_rate: 1,
        avg_sales_cycle_days: 61,
        nps: 0,
        csat: null,
        complaints: 1,
        complaint_rate: 0.5,
      },
    ],
    [
      'r2 (a return, a lost opportunity)',
      person('r2'),
      {
        revenue: 33333,
        orders: 2,
        gross_margin_rate: (33333 - 8000) / 33333,
        new_customers: 1,
        new_customer_revenue: -16667,
        new_customer_share: -16667 / 33333,
        collected: 3333,
        demos: 1,
        proposals: 1,
        activities: 3,
        visits: 0,
        leads: 1,
        lead_conversion_rate: 0,
        pipeline_value: 0,
        win_rate: 0,
        avg_sales_cycle_days: null,
        nps: null,
        csat: 4.5,
        complaints: 0,
        complaint_rate: 0,
      },
    ],
    [
      'r3',
      person('r3'),
      {
        revenue: 3335,
        orders: 1,
        new_customers: 1,
        new_customer_revenue: 3335,
        collected: 3335,
        complaint_rate: 1,
      },
    ],
    [
      'east-1 (r1 until 08-14)',
      unit('east-1'),
      {
        revenue: 100000,
        orders: 1,
        new_customers: 1,
        collected: 80000,
        activities: 2,
        leads: 2,
        lead_conversion_rate: 0.5,
        win_rate: 1,
        avg_sales_cycle_days: 61,
        nps: 0,
        complaints: 1,
        pipeline_value: 0,
      },
    ],
    [
      'west (r3, and r1 from 08-15)',
      unit('west'),
      {
        revenue: 6668,
        orders: 1,
        new_customers: 1,
        new_customer_revenue: 6668,
        collected: 6668,
        visits: 1,
        complaints: 1,
        pipeline_value: 200000,
      },
    ],
    ['east (subtree)', unit('east'), { revenue: 133333, orders: 3, new_customers: 2, collected: 83333 }],
    [
      'co (a split order counts once)',
      unit('co'),
      { revenue: 140001, orders: 3, new_customers: 2, new_customer_revenue: 90001, collected: 90001 },
    ],
  ])('%s', (_, scope, expected) => {
    const metrics = q3(scope);
    expect(Object.keys(metrics)).toEqual([...BASE_METRICS]);
    for (const [key, value] of Object.entries(expected)) {
      if (value === null) expect(metrics[key], key).toBeNull();
      else expect(metrics[key], key).toBeCloseTo(value, 10);
    }
  });
});

describe('every period kind', () => {
  it.each<[string, number, number]>([
    ['2026', 1, 175001],
    ['2026-H1', 1, 30000],
    ['2026-H2', 1, 145001],
    ['2026-Q3', 1, 140001],
    ['2026-07', 1, 150000],
    ['2026-W27', 1, 130000], // 2026-06-29..07-05: o5 and o1
    ['2026-06-30..2026-07-01', 1, 130000],
    ['2026', 7, 146001], // fiscal 2026 = 2026-07-01..2027-06-30, o7 included
    ['2026-Q2', 7, 5000], // 2026-10..12: o6
    ['2026-H2', 7, 1000], // 2027-01..06: o7
  ])('%s (fiscal year from month %d): company revenue %d', (period, fiscalYearStart, revenue) => {
    const result = computeMetrics(store, {
      scope: unit('co'),
      period,
      fiscalYearStart,
      asOf: '2027-12-31',
      metrics: ['revenue'],
    });
    expect(result.metrics.revenue).toBe(revenue);
  });
});

describe('as-of semantics', () => {
  it('ignores events after A and snapshots the pipeline at A', () => {
    expect(
      q3(person('r1'), '2026-08-01', ['revenue', 'pipeline_value', 'win_rate', 'lead_conversion_rate']),
    ).toEqual({
      revenue: 100000,
      pipeline_value: 200000, // op1 closed on 08-01 is no longer open; op2 is
      win_rate: 1,
      lead_conversion_rate: 0.5,
    });
  });

  it('counts a lead converted after the period when A is later', () => {
    const m = computeMetrics(store, {
      scope: person('r1'),
      period: '2026-Q3',
      asOf: '2026-12-31',
      metrics: ['lead_conversion_rate'],
    });
    expect(m.metrics.lead_conversion_rate).toBe(1);
  });

  it('takes the pipeline snapshot before the period start when A is', () => {
    const m = q3(person('r1'), '2026-06-15', ['revenue', 'orders', 'avg_order_value', 'pipeline_value']);
    expect(m).toEqual({ revenue: 0, orders: 0, avg_order_value: null, pipeline_value: 500000 });
  });
});

describe('filters', () => {
  it.each<[Scope, string, number]>([
    [unit('co'), 'revenue{product_line=A}', 90001],
    [unit('co'), 'revenue{customer_type=enterprise,product_line=A}', 90001],
    [unit('co'), 'revenue{region=south}', 60001],
    [unit('co'), 'revenue{product_line=A,region=south}', 10001],
    [unit('co'), 'orders{product_line=A}', 2],
    [unit('co'), 'new_customers{customer_type=enterprise}', 2],
    [unit('co'), 'collected{product_line=B}', 0],
    [person('r2'), 'orders{product_line=B}', 1],
    [person('r2'), 'new_customer_revenue{product_line=A}', -16667],
  ])('%o %s', (scope, key, expected) => {
    expect(q3(scope, '2026-09-30', [key])[key]).toBe(expected);
  });

  it('names keys with sorted filters', () => {
    expect(Object.keys(q3(unit('co'), '2026-09-30', ['revenue{region=south,customer_type=smb}']))).toEqual([
      'revenue{customer_type=smb,region=south}',
    ]);
  });
});

describe('growth and yoy', () => {
  it('compares with the previous quarter and last year', () => {
    const m = q3(person('r1'), '2026-09-30', ['revenue_growth', 'revenue_yoy', 'orders_growth']);
    expect(m.revenue_growth).toBeCloseTo((103333 - 30000) / 30000, 12);
    expect(m.revenue_yoy).toBeNull(); // 2025-Q3 revenue is 0
    expect(m.orders_growth).toBe(1);
  });

  it('is null when the earlier value is 0', () => {
    expect(q3(person('r2'), '2026-09-30', ['revenue_growth']).revenue_growth).toBeNull();
  });

  it('handles ISO week 53', () => {
    const w53 = computeMetrics(store, {
      scope: unit('co'),
      period: '2026-W53',
      asOf: '2027-01-31',
      metrics: ['revenue', 'revenue_yoy', 'revenue_growth'],
    });
    expect(w53.metrics).toEqual({ revenue: 1000, revenue_yoy: null, revenue_growth: null });
    expect(w53.explain.revenue_yoy?.earlier).toEqual({ period: null, value: null });
    const w01 = computeMetrics(store, {
      scope: unit('co'),
      period: '2027-W01',
      asOf: '2027-01-31',
      metrics: ['revenue_growth'],
    });
    expect(w01.metrics.revenue_growth).toBe(-1);
    expect(w01.explain.revenue_growth?.earlier?.period).toBe('2026-W53');
  });
});

describe('goals, attainment and pacing', () => {
  it.each<[string, number, number | null, number | null]>([
    ['2026-09-30', 200000, 103333 / 200000, 103333 / 200000],
    ['2026-08-15', 200000, 100000 / 200000, 100000 / (200000 * 0.5)], // 46 of 92 days
    ['2026-06-15', 200000, 0, null], // nothing elapsed
    ['2026-09-30', 0, null, null],
  ])('as of %s with goal %d', (asOf, goal, attainment, pacing) => {
    const result = computeMetrics(store, {
      scope: person('r1'),
      period: '2026-Q3',
      asOf,
      metrics: ['revenue', 'orders'],
      goals: { revenue: goal },
    });
    expect(result.goals).toEqual({ revenue: goal });
    expect(result.attainment).toEqual({ revenue: attainment });
    expect(result.pacing).toEqual({ revenue: pacing });
  });

  it('adds filtered keys with a goal to the default metrics', () => {
    const result = computeMetrics(store, {
      scope: unit('co'),
      period: '2026-Q3',
      asOf: '2026-09-30',
      goals: { 'revenue{product_line=A}': 100000, nps: 50 },
    });
    expect(Object.keys(result.metrics)).toEqual([...BASE_METRICS, 'revenue{product_line=A}']);
    expect(result.attainment['revenue{product_line=A}']).toBeCloseTo(0.90001, 12);
    expect(Object.keys(result.goals).sort()).toEqual(['nps', 'revenue{product_line=A}']);
  });
});

describe('forecast to the period end (run rate)', () => {
  it('projects flow metrics, keeps ratios and snapshots, and gives nothing for growth', () => {
    const result = computeMetrics(store, {
      scope: person('r1'),
      period: '2026-Q3',
      asOf: '2026-08-15', // 46 of 92 days
      metrics: ['revenue', 'orders', 'collection_rate', 'pipeline_value', 'revenue_growth'],
    });
    expect(result.elapsed).toBe(0.5);
    expect(result.forecast).toEqual({
      revenue: 200000,
      orders: 2,
      collection_rate: 0.8,
      pipeline_value: 200000,
      revenue_growth: null,
    });
  });
});

describe('zero denominators', () => {
  it('gives null ratios and zero counts for a scope without facts', () => {
    const m = q3(person('nobody'));
    for (const key of BASE_METRICS) {
      const ratio = /rate|avg_|share|^nps$|^csat$/.test(key);
      if (ratio) expect(m[key], key).toBeNull();
      else expect(m[key], key).toBe(0);
    }
  });
});

describe('explanations', () => {
  it('shows the window and the ratio behind a number', () => {
    const result = computeMetrics(store, {
      scope: person('r1'),
      period: '2026-Q3',
      asOf: '2026-08-15',
      metrics: ['collection_rate', 'pipeline_value'],
    });
    expect(result.explain.collection_rate).toEqual({
      window: { from: '2026-07-01', to: '2026-08-15' },
      ratio: { numerator: 80000, denominator: 100000 },
    });
    expect(result.explain.pipeline_value?.snapshot).toBe('2026-08-15');
  });
});
