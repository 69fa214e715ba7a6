/**
 * A small company whose 2026-Q3 close is computed by hand in compute-close.golden.test.ts:
 * co ─ t1 (team: a, b, m; c moves in from t2 on 2026-08-01) and co ─ t2 (team: d);
 * x left before the quarter, h is hr (no plan). Amounts in yuan.
 */
import { parseMoney } from '../money.ts';
import { OrgChart } from '../org-chart.ts';
import { parsePlan } from '../plan/parse-plan.ts';
import type { Plan } from '../plan/plan-types.ts';
import { FactStore } from '../store/fact-store.ts';
import type { CloseInput, ClosePerson, CloseUnit } from './close-types.ts';

const m = (text: string) => parseMoney(text)!;

export const GOLDEN_PLAN_YAML = `scorecards:
  - id: rep
    applies_to: { role: rep }
    grades: { S: 110, A: 95, B: 80, C: 60, D: 0 }
    groups:
      - name: results
        weight: 60
        items:
          - { metric: revenue, weight: 50, scoring: { type: linear, cap: 1.2, floor: 0.6 } }
          - { metric: collection_rate, target: 0.9, weight: 50, scoring: { type: linear, cap: 1.0 } }
      - name: process
        weight: 40
        items:
          - { metric: visits, target: 2, weight: 1, scoring: { type: ladder, bands: [[0, 40], [0.5, 80], [1, 100]] } }
compensation:
  - id: rep-pay
    applies_to: { role: rep }
    components:
      - { id: commission, type: tiered_commission, base: revenue, mode: marginal,
          tiers: [ { upto: 100000, rate: 0.01 }, { upto: 300000, rate: 0.015 }, { rate: 0.02 } ] }
      - { id: pool, type: bonus_pool, unit_kind: team, rate: 0.05, base: revenue, shares: [0.30], rest: by_score, min_score: 60 }
  - id: mgr-pay
    applies_to: { role: manager }
    components:
      - { id: override, type: tiered_commission, base: revenue, mode: retroactive, tiers: [ { upto: 1000, rate: 0.001 }, { rate: 0.002 } ] }
awards:
  - { id: champion, type: top, metric: revenue, within: { unit_kind: team } }
  - { id: newcomer, type: top, metric: revenue, hired_within_months: 6 }
  - { id: praise, type: top, metric: nps, min_responses: 2 }
promotion: { metric: revenue, min_attainment: 1.0, consecutive_quarters: 2 }
`;

export function goldenPlan(): Plan {
  const parsed = parsePlan(GOLDEN_PLAN_YAML);
  if ('errors' in parsed) throw new Error(JSON.stringify(parsed.errors));
  return parsed.plan;
}

export const GOLDEN_UNITS: CloseUnit[] = [
  { id: 'co', kind: 'company', parentId: null },
  { id: 't1', kind: 'team', parentId: 'co' },
  { id: 't2', kind: 'team', parentId: 'co' },
];

export const GOLDEN_PEOPLE: (ClosePerson & { unitId: string })[] = [
  { id: 'a', unitId: 't1', role: 'rep', hireDate: '2025-01-01' },
  { id: 'b', unitId: 't1', role: 'rep', hireDate: '2026-05-01' },
  { id: 'c', unitId: 't2', role: 'rep', hireDate: '2024-01-01' },
  { id: 'd', unitId: 't2', role: 'rep', hireDate: '2023-03-01' },
  { id: 'm', unitId: 't1', role: 'manager', hireDate: '2020-01-01' },
  { id: 'x', unitId: 't1', role: 'rep', hireDate: '2020-01-01', leaveDate: '2026-06-15' },
  { id: 'h', unitId: 'co', role: 'hr', hireDate: '2020-01-01' },
];

export function goldenCloseStore(): FactStore {
  const store = new FactStore();
  store.setOrg(
    new OrgChart(GOLDEN_UNITS, GOLDEN_PEOPLE, [{ personId: 'c', unitId: 't1', effectiveFrom: '2026-08-01' }]),
  );
  const order = (id: string, date: string, repId: string, amount: string) => ({
    id,
    date,
    repId,
    customerId: 'k1',
    productId: 'p1',
    amount: m(amount),
  });
  store.load({
    products: [{ id: 'p1', line: 'A' }],
    customers: [{ id: 'k1', type: 'smb', region: 'east' }],
    orders: [
      order('o1', '2026-07-05', 'a', '150000'),
      order('o2', '2026-08-10', 'a', '100000'),
      order('o3', '2026-07-20', 'b', '80000'),
      order('o4', '2026-09-01', 'b', '-5000'),
      order('o5', '2026-08-01', 'c', '-10000'),
      order('o6', '2026-07-15', 'd', '400000'),
      order('o7', '2026-08-15', 'm', '1500.50'),
      order('o9', '2026-10-01', 'a', '1000000'),
      order('o10', '2026-05-01', 'a', '200000'),
    ],
    payments: [
      { id: 'y1', date: '2026-07-20', orderId: 'o1', amount: m('135000') },
      { id: 'y2', date: '2026-07-25', orderId: 'o3', amount: m('72000') },
      { id: 'y3', date: '2026-07-30', orderId: 'o6', amount: m('400000') },
    ],
    activities: [
      { id: 'v1', date: '2026-07-02', repId: 'a', type: 'visit' },
      { id: 'v2', date: '2026-08-02', repId: 'a', type: 'visit' },
      { id: 'v3', date: '2026-07-03', repId: 'b', type: 'visit' },
      { id: 'v4', date: '2026-07-04', repId: 'd', type: 'visit' },
      { id: 'v5', date: '2026-07-05', repId: 'd', type: 'visit' },
      { id: 'v6', date: '2026-07-06', repId: 'd', type: 'visit' },
    ],
    surveys: [
      { id: 's1', date: '2026-07-10', repId: 'a', kind: 'nps', score: 10 },
      { id: 's2', date: '2026-07-11', repId: 'a', kind: 'nps', score: 9 },
      { id: 's3', date: '2026-07-12', repId: 'b', kind: 'nps', score: 10 },
      { id: 's4', date: '2026-07-13', repId: 'b', kind: 'nps', score: 10 },
      { id: 's5', date: '2026-07-14', repId: 'd', kind: 'nps', score: 10 },
      { id: 's6', date: '2026-07-15', repId: 'c', kind: 'csat', score: 5 },
    ],
  });
  return store;
}

const GOALS: Record<string, Record<string, Record<string, number>>> = {
  a: { '2026-Q3': { revenue: m('250000') }, '2026-Q2': { revenue: m('200000') } },
  b: { '2026-Q3': { revenue: m('100000') } },
  c: { '2026-Q3': { revenue: m('50000') } },
};

export function goldenCloseInput(): CloseInput {
  return {
    store: goldenCloseStore(),
    plan: goldenPlan(),
    period: '2026-Q3',
    asOf: '2026-10-10',
    people: GOLDEN_PEOPLE,
    units: GOLDEN_UNITS,
    goalsOf: (scope, period) => GOALS[scope]?.[period] ?? {},
    planVersion: 1,
  };
}
