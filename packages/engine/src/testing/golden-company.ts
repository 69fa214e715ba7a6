/**
 * A small company whose metrics are computed by hand in compute-metrics.golden.test.ts:
 * co ─ east ─ east-1, co ─ west; r1 moves from east-1 to west on 2026-08-15 (mid-Q3);
 * o3 is split three ways with a remainder; o4 is a return; o7 falls in ISO week 2026-W53.
 */
import { parseMoney } from '../money.ts';
import { OrgChart } from '../org-chart.ts';
import { type FactBatch, FactStore } from '../store/fact-store.ts';

const m = (text: string) => parseMoney(text)!;

export const GOLDEN_ORG = new OrgChart(
  [
    { id: 'co' },
    { id: 'east', parentId: 'co' },
    { id: 'east-1', parentId: 'east' },
    { id: 'west', parentId: 'co' },
  ],
  [
    { id: 'r1', unitId: 'east-1' },
    { id: 'r2', unitId: 'east' },
    { id: 'r3', unitId: 'west' },
  ],
  [{ personId: 'r1', unitId: 'west', effectiveFrom: '2026-08-15' }],
);

export const GOLDEN_FACTS: FactBatch = {
  products: [
    { id: 'pA', line: 'A' },
    { id: 'pB', line: 'B' },
  ],
  customers: [
    { id: 'c1', type: 'enterprise', region: 'north' },
    { id: 'c2', type: 'smb', region: 'south' },
    { id: 'c3', type: 'enterprise', region: 'south' },
  ],
  orders: [
    {
      id: 'o1',
      date: '2026-07-01',
      repId: 'r1',
      customerId: 'c1',
      productId: 'pA',
      amount: m('1000'),
      cost: m('600'),
    },
    {
      id: 'o2',
      date: '2026-07-10',
      repId: 'r2',
      customerId: 'c2',
      productId: 'pB',
      amount: m('500'),
      cost: m('200'),
    },
    { id: 'o3', date: '2026-08-20', repId: 'r1', customerId: 'c3', productId: 'pA', amount: m('100.01') },
    {
      id: 'o4',
      date: '2026-09-05',
      repId: 'r2',
      customerId: 'c1',
      productId: 'pA',
      amount: m('-200'),
      cost: m('-120'),
    },
    { id: 'o5', date: '2026-06-30', repId: 'r1', customerId: 'c2', productId: 'pB', amount: m('300') },
    { id: 'o6', date: '2026-10-01', repId: 'r3', customerId: 'c3', productId: 'pA', amount: m('50') },
    { id: 'o7', date: '2027-01-02', repId: 'r3', customerId: 'c3', productId: 'pA', amount: m('10') },
  ],
  orderCredits: [
    { orderId: 'o3', repId: 'r1', share: '0.3333' },
    { orderId: 'o3', repId: 'r2', share: '0.3333' },
    { orderId: 'o3', repId: 'r3', share: '0.3334' },
  ],
  payments: [
    { id: 'y1', date: '2026-07-15', orderId: 'o1', amount: m('800') },
    { id: 'y2', date: '2026-08-25', orderId: 'o3', amount: m('100.01') },
    { id: 'y3', date: '2026-10-02', orderId: 'o2', amount: m('100') },
  ],
  activities: [
    { id: 'a1', date: '2026-07-02', repId: 'r1', type: 'visit' },
    { id: 'a2', date: '2026-07-03', repId: 'r1', type: 'call' },
    { id: 'a3', date: '2026-08-16', repId: 'r1', type: 'visit' },
    { id: 'a4', date: '2026-09-01', repId: 'r2', type: 'demo' },
    { id: 'a5', date: '2026-09-02', repId: 'r2', type: 'proposal' },
    { id: 'a6', date: '2026-09-03', repId: 'r2', type: 'email' },
  ],
  leads: [
    { id: 'l1', createdOn: '2026-07-05', repId: 'r1', convertedOn: '2026-07-20' },
    { id: 'l2', createdOn: '2026-07-06', repId: 'r1', convertedOn: '2026-10-05' },
    { id: 'l3', createdOn: '2026-09-10', repId: 'r2' },
  ],
  opportunities: [
    { id: 'op1', repId: 'r1', createdOn: '2026-06-01', amount: m('5000'), closedOn: '2026-08-01', won: true },
    { id: 'op2', repId: 'r1', createdOn: '2026-07-01', amount: m('2000') },
    {
      id: 'op3',
      repId: 'r2',
      createdOn: '2026-07-15',
      amount: m('3000'),
      closedOn: '2026-09-15',
      won: false,
    },
    { id: 'op4', repId: 'r3', createdOn: '2026-10-01', amount: m('100') },
  ],
  surveys: [
    { id: 's1', date: '2026-07-10', repId: 'r1', kind: 'nps', score: 10 },
    { id: 's2', date: '2026-07-11', repId: 'r1', kind: 'nps', score: 7 },
    { id: 's3', date: '2026-07-12', repId: 'r1', kind: 'nps', score: 3 },
    { id: 's4', date: '2026-08-01', repId: 'r2', kind: 'csat', score: 4 },
    { id: 's5', date: '2026-08-02', repId: 'r2', kind: 'csat', score: 5 },
  ],
  complaints: [
    { id: 'k1', date: '2026-07-20', repId: 'r1' },
    { id: 'k2', date: '2026-08-30', repId: 'r3' },
  ],
};

/** A fresh store holding the golden company. */
export function goldenStore(): FactStore {
  const store = new FactStore();
  store.setOrg(GOLDEN_ORG);
  store.load(GOLDEN_FACTS);
  return store;
}
