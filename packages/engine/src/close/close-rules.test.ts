import { describe, expect, it } from 'vitest';
import { parseMoney } from '../money.ts';
import { OrgChart } from '../org-chart.ts';
import { parsePlan } from '../plan/parse-plan.ts';
import { FactStore } from '../store/fact-store.ts';
import { monthsBefore } from './awards.ts';
import type { CloseInput, ClosePerson, CloseUnit } from './close-types.ts';
import { computeClose } from './compute-close.ts';
import { expectStructuredClose } from './explain-lines.test-support.ts';
import { lastQuarters, quarterContaining } from './promotion.ts';

const m = (text: string) => parseMoney(text)!;
const units: CloseUnit[] = [
  { id: 'co', kind: 'company' },
  { id: 'east', kind: 'region', parentId: 'co' },
  { id: 'e1', kind: 'team', parentId: 'east' },
  { id: 'w1', kind: 'team', parentId: 'co' },
];

/** A close over a tiny store: people (with unit), orders as [rep, date, yuan], one move. */
function close(
  planYaml: string,
  people: (ClosePerson & { unitId: string })[],
  orders: [string, string, string][],
  extra: Partial<CloseInput> & { moves?: { personId: string; unitId: string; effectiveFrom: string }[] } = {},
) {
  const parsed = parsePlan(planYaml);
  if ('errors' in parsed) throw new Error(JSON.stringify(parsed.errors));
  const store = new FactStore();
  store.setOrg(new OrgChart(units, people, extra.moves ?? []));
  store.load({
    products: [{ id: 'p', line: 'A' }],
    customers: [{ id: 'k' }],
    orders: orders.map(([repId, date, amount], i) => ({
      id: `o${i}`,
      date,
      repId,
      customerId: 'k',
      productId: 'p',
      amount: m(amount),
    })),
  });
  const result = computeClose({
    store,
    plan: parsed.plan,
    period: '2026-Q3',
    asOf: '2026-10-15',
    people,
    units,
    goalsOf: () => ({}),
    ...extra,
  });
  // every close here also checks its explanation lines: each coded, rendering to its English text
  expectStructuredClose(result);
  return result;
}
const rep = (id: string, unitId: string, more: { hireDate?: string; leaveDate?: string } = {}) => ({
  id,
  role: 'rep',
  hireDate: '2020-01-01',
  ...more,
  unitId,
});
const card = (id: string, applies: string, metric = 'revenue') =>
  `  - { id: ${id}, applies_to: ${applies}, grades: { A: 50, B: 0 }, groups: [{ name: g, weight: 1, items: [{ metric: ${metric}, target: 1000, weight: 1, scoring: { type: linear } }] }] }`;

describe('people of a close (contract §6)', () => {
  it('first matching scorecard in file order; applies_to unit is its subtree', () => {
    const plan = `scorecards:\n${card('by-unit', '{ unit: east }')}\n${card('by-role', '{ role: rep }')}\n${card('by-people', '{ people: [w] }')}\n`;
    const result = close(plan, [rep('e', 'e1'), rep('w', 'w1')], []);
    expect(Object.values(result.explain.people).map((p) => [p.id, p.rule.scorecard])).toEqual([
      ['e', 'by-unit'],
      ['w', 'by-role'],
    ]);
  });

  it('employed during P: hire ≤ end, leave empty or ≥ start', () => {
    const plan = `scorecards:\n${card('s', '{ role: rep }')}\n`;
    const people = [
      rep('hired-on-end', 'e1', { hireDate: '2026-09-30' }),
      rep('hired-after', 'e1', { hireDate: '2026-10-01' }),
      rep('left-on-start', 'e1', { leaveDate: '2026-07-01' }),
      rep('left-before', 'e1', { leaveDate: '2026-06-30' }),
      { id: 'boss', unitId: 'e1', role: 'manager', hireDate: '2020-01-01' },
    ];
    expect(close(plan, people, []).json.people.map((p) => p.id)).toEqual(['hired-on-end', 'left-on-start']);
  });

  it('unit on min(end, A): a move after the as-of date does not count yet', () => {
    const plan = `scorecards:\n${card('s', '{ unit: w1 }')}\n`;
    const moves = [{ personId: 'p', unitId: 'w1', effectiveFrom: '2026-08-20' }];
    expect(close(plan, [rep('p', 'e1')], [], { moves, asOf: '2026-08-19' }).json.people).toEqual([]);
    expect(
      close(plan, [rep('p', 'e1')], [], { moves, asOf: '2026-08-20' }).json.people.map((p) => p.unit_id),
    ).toEqual(['w1']);
  });

  it('rank_in_unit: same unit only (not the subtree); ties by higher revenue, then id', () => {
    const plan = `scorecards:\n${card('s', '{ role: rep }', 'orders')}\n`;
    const people = [rep('b', 'e1'), rep('a', 'e1'), rep('c', 'e1'), rep('r', 'east')];
    const orders: [string, string, string][] = [
      ['a', '2026-07-01', '100'],
      ['b', '2026-07-01', '100'],
      ['c', '2026-07-01', '500'],
      ['r', '2026-07-01', '1'],
    ];
    const result = close(plan, people, orders);
    expect(result.json.people.map((p) => [p.id, p.score, p.rank_in_unit])).toEqual([
      ['a', 0.1, 2], // one order of a 1000 target: 100 × 0.001
      ['b', 0.1, 3],
      ['c', 0.1, 1],
      ['r', 0.1, 1],
    ]);
  });
});

describe('awards and promotion helpers', () => {
  it.each([
    ['2026-09-30', 6, '2026-03-30'],
    ['2026-08-31', 6, '2026-02-28'],
    ['2024-05-31', 3, '2024-02-29'],
    ['2026-01-15', 1, '2025-12-15'],
  ])('%s minus %d months = %s', (date, n, expected) => {
    expect(monthsBefore(date, n)).toBe(expected);
  });

  it('hired_within_months includes the boundary day; ties all win; null metric is no candidate', () => {
    const plan = `awards:
  - { id: newcomer, type: top, metric: revenue, hired_within_months: 6 }
  - { id: top, type: top, metric: revenue, within: { unit_kind: team } }
  - { id: speed, type: top, metric: avg_sales_cycle_days }
compensation:
  - { id: p, applies_to: { role: rep }, components: [{ id: c, type: tiered_commission, base: revenue, mode: marginal, tiers: [{ rate: 0 }] }] }
`;
    const people = [
      rep('x', 'e1', { hireDate: '2026-03-30' }),
      rep('y', 'e1', { hireDate: '2026-03-29' }),
      rep('z', 'w1'),
    ];
    const orders: [string, string, string][] = [
      ['x', '2026-07-01', '10'],
      ['y', '2026-07-01', '10'],
      ['z', '2026-07-01', '10'],
    ];
    expect(close(plan, people, orders).json.people.map((p) => [p.id, p.awards])).toEqual([
      ['x', ['newcomer', 'top']],
      ['y', ['top']],
      ['z', ['top']],
    ]);
  });

  it('fiscal quarters follow calendar.fiscal_year_start', () => {
    expect(quarterContaining('2026-05-10', 4).key).toBe('2026-Q1');
    expect(quarterContaining('2026-02-10', 4).key).toBe('2025-Q4');
    expect(lastQuarters('2026-05-10', 3, 4).map((q) => q.key)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
    expect(lastQuarters('2026-09-30', 1, 1).map((q) => `${q.start}..${q.end}`)).toEqual([
      '2026-07-01..2026-09-30',
    ]);
  });
});

describe('optional components in a close (docs/plans.md)', () => {
  const plan = `scorecards:
  - { id: s, applies_to: { role: rep }, grades: { S: 100, A: 50, B: 0 }, groups: [{ name: g, weight: 1, items: [{ metric: revenue, target: 1000, weight: 1, scoring: { type: linear } }] }] }
compensation:
  - id: p
    applies_to: { role: rep }
    components:
      - { id: bonus, type: fixed_floating_bonus, fixed: 1000, floating_base: 2000.01, coefficients: { S: 1.5, A: 0.5 }, cap: 3500 }
      - { id: commission, type: tiered_commission, base: revenue, mode: retroactive, tiers: [{ upto: 1000, rate: 0.1 }, { rate: 0.2 }], clawback: true,
          accelerators: [{ above: 1, multiplier: 2 }] }
      - { id: pool, type: bonus_pool, unit_kind: team, rate: 1, base: revenue, shares: [0.9], cap: 100 }
`;
  it('fixed + floating by grade, clawback, accelerator with a goal, pool cap', () => {
    const people = [rep('s', 'e1'), rep('a', 'w1'), rep('n', 'w1')];
    const orders: [string, string, string][] = [
      ['s', '2026-07-01', '1500'],
      ['a', '2026-07-01', '600'],
      ['n', '2026-07-01', '-100'],
    ];
    const goalsOf = (scope: string): Record<string, number> => (scope === 's' ? { revenue: m('1000') } : {});
    const result = close(plan, people, orders, { goalsOf });
    expect(
      result.json.people.map((p) => [p.id, p.grade, ...p.pay.map((x) => x.amount), p.total_pay]),
    ).toEqual([
      // a: 60 → A: 1000 + 2000.01 × 0.5 = 2000.005 → 2000.01; 10% × 600; pool w1 = 500: a 90% = 450 → capped 100
      ['a', 'A', '2000.01', '60.00', '100.00', '2160.01'],
      // n: score 0 → B (no coefficient); clawback 10% × −100; rank 2 of w1 gets the rest 50
      ['n', 'B', '1000.00', '-10.00', '50.00', '1040.00'],
      // s: 150 → S: 1000 + 3000.015 = 4000.015 → capped 3500; 20% × (1000 + 2 × 500); pool e1 1500 × 90% → capped 100
      ['s', 'S', '3500.00', '400.00', '100.00', '4000.00'],
    ]);
    const w1 = result.explain.pools.find((p) => p.unit === 'w1')!;
    expect([w1.pool, w1.unallocated]).toEqual(['500.00', '350.00']);
  });
});

describe('commission on collected, with a filter', () => {
  it('pays on the payments of product line A only and lists them', () => {
    const parsed = parsePlan(`compensation:
  - id: p
    applies_to: { role: rep }
    components:
      - { id: cash, type: tiered_commission, base: collected, filter: { product_line: A }, mode: marginal, tiers: [{ upto: 100, rate: 0.1 }, { rate: 0.2 }] }
`);
    if ('errors' in parsed) throw new Error(JSON.stringify(parsed.errors));
    const store = new FactStore();
    store.setOrg(new OrgChart(units, [rep('r', 'e1')]));
    store.load({
      products: [
        { id: 'pa', line: 'A' },
        { id: 'pb', line: 'B' },
      ],
      customers: [{ id: 'k' }],
      orders: [
        { id: 'oa', date: '2026-06-20', repId: 'r', customerId: 'k', productId: 'pa', amount: m('500') },
        { id: 'ob', date: '2026-07-02', repId: 'r', customerId: 'k', productId: 'pb', amount: m('500') },
      ],
      payments: [
        { id: 'ya', date: '2026-07-10', orderId: 'oa', amount: m('150.05') },
        { id: 'yb', date: '2026-07-11', orderId: 'ob', amount: m('400') },
        { id: 'late', date: '2026-10-20', orderId: 'oa', amount: m('100') },
      ],
    });
    const result = computeClose({
      store,
      plan: parsed.plan,
      period: '2026-Q3',
      asOf: '2026-10-15',
      people: [rep('r', 'e1')],
      units,
      goalsOf: () => ({}),
    });
    // 10% × 100 + 20% × 50.05 = 20.01
    expect(result.json.people[0]!.pay).toEqual([{ component: 'cash', amount: '20.01' }]);
    expect(result.explain.people.r!.pay[0]!.events).toEqual([
      { kind: 'payment', id: 'ya', date: '2026-07-10', amount: 15_005 },
    ]);
  });
});
