import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../compute-metrics.ts';
import { fromDayNumber, toDayNumber } from '../dates.ts';
import { BASE_METRICS } from '../metric-names.ts';
import {
  applyOp,
  CUSTOMERS,
  type FactOp,
  factOp,
  finalState,
  PRODUCTS,
  RANDOM_ORG,
  REPS,
  shuffle,
} from '../testing/random-facts.ts';
import { collectSums } from './collect-sums.ts';
import { FactStore } from './fact-store.ts';
import type { OrderFact, PaymentFact } from './facts.ts';
import type { Scope } from './scope.ts';

function emptyStore(withOrg = true): FactStore {
  const store = new FactStore();
  if (withOrg) store.setOrg(RANDOM_ORG);
  store.load({ products: PRODUCTS, customers: CUSTOMERS });
  return store;
}

const SCOPES: Scope[] = [
  ...REPS.map((id) => ({ kind: 'person' as const, id })),
  ...['co', 'east', 'west'].map((id) => ({ kind: 'unit' as const, id })),
];
const PERIODS = ['2026-Q3', '2026-W31', '2026-06-20..2026-08-10'];
const AS_OF = ['2026-07-20', '2026-10-31'];
const KEYS = [
  ...BASE_METRICS,
  'revenue_growth',
  'orders{product_line=A}',
  'new_customer_revenue{customer_type=enterprise}',
];

function allMetrics(store: FactStore) {
  return SCOPES.flatMap((scope) =>
    PERIODS.flatMap((period) =>
      AS_OF.map((asOf) => computeMetrics(store, { scope, period, asOf, metrics: KEYS }).metrics),
    ),
  );
}

const runs = { numRuns: 100 };

describe('fact store', () => {
  it('equals a full rebuild for any order of arrival, with upserts, removals and a late org chart', () => {
    fc.assert(
      fc.property(fc.array(factOp, { maxLength: 50, size: 'max' }), fc.nat(), (ops, seed) => {
        const incremental = emptyStore();
        for (const op of ops) applyOp(incremental, op);
        // The rebuild also gets its org chart last: unit corrections are recomputed on setOrg.
        const rebuilt = emptyStore(false);
        for (const op of shuffle(finalState(ops), seed)) applyOp(rebuilt, op);
        rebuilt.setOrg(RANDOM_ORG);
        expect(incremental.dumpAggregates()).toEqual(rebuilt.dumpAggregates());
        expect(allMetrics(incremental)).toEqual(allMetrics(rebuilt));
      }),
      { numRuns: 50 },
    );
  }, 30_000);

  it('loaded in batches equals the same facts applied one at a time (payments found per batch)', () => {
    // load() takes a batch's orders, then its credits, then its payments: the one-at-a-time
    // store gets them in that order too. A batch names an order's credits once (its rows replace them).
    const loadable = factOp.filter(
      (op) =>
        (op.op === 'upsert' && (op.entity === 'order' || op.entity === 'payment')) ||
        (op.op === 'credits' && op.shares !== null),
    );
    const batches = fc.array(fc.array(loadable, { maxLength: 12 }), { maxLength: 8 });
    fc.assert(
      fc.property(batches, (groups) => {
        const batched = emptyStore();
        const single = emptyStore();
        for (const group of groups) {
          const orders = group.filter((op) => op.op === 'upsert' && op.entity === 'order');
          const credits = new Map<string, FactOp>();
          for (const op of group) if (op.op === 'credits') credits.set(op.orderId, op);
          const payments = group.filter((op) => op.op === 'upsert' && op.entity === 'payment');
          const ordered = [...orders, ...credits.values(), ...payments];
          batched.load({
            orders: orders.flatMap((op) => (op.op === 'upsert' ? [op.fact as OrderFact] : [])),
            orderCredits: [...credits.values()].flatMap((op) =>
              op.op === 'credits' ? op.shares!.map((s) => ({ orderId: op.orderId, ...s })) : [],
            ),
            payments: payments.flatMap((op) => (op.op === 'upsert' ? [op.fact as PaymentFact] : [])),
          });
          for (const op of ordered) applyOp(single, op);
          expect(batched.dumpAggregates()).toEqual(single.dumpAggregates());
        }
        expect(allMetrics(batched)).toEqual(allMetrics(single));
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('answers from the aggregates exactly what a scan of the facts gives', () => {
    fc.assert(
      fc.property(fc.array(factOp, { maxLength: 50, size: 'max' }), (ops) => {
        const store = emptyStore();
        for (const op of ops) applyOp(store, op);
        for (const scope of SCOPES) {
          for (const [start, end, asOf] of [
            ['2026-07-01', '2026-09-30', '2026-10-31'],
            ['2026-06-01', '2026-12-31', '2026-08-15'],
          ] as const) {
            const query = {
              scope,
              startDay: toDayNumber(start),
              endDay: toDayNumber(end),
              asOfDay: toDayNumber(asOf),
            };
            expect(collectSums(store, query)).toEqual(collectSums(store, { ...query, forceScan: true }));
          }
        }
      }),
      runs,
    );
  });

  it('gives a unit the sum of its members over the days they belong to it (additive metrics)', () => {
    const additive = ['revenue', 'collected', 'visits', 'activities', 'leads', 'complaints'];
    fc.assert(
      fc.property(fc.array(factOp, { maxLength: 50, size: 'max' }), (ops) => {
        const store = emptyStore();
        for (const op of ops) applyOp(store, op);
        for (const unitId of ['co', 'east', 'west']) {
          const [start, end, asOf] = ['2026-06-01', '2026-10-31', '2026-09-20'];
          const unit = computeMetrics(store, {
            scope: { kind: 'unit', id: unitId },
            period: `${start}..${end}`,
            asOf,
            metrics: additive,
          });
          const total = Object.fromEntries(additive.map((key) => [key, 0]));
          const units = RANDOM_ORG.subtree(unitId);
          for (const id of REPS) {
            for (const [from, to] of RANDOM_ORG.membershipRanges(
              id,
              units,
              toDayNumber(start),
              toDayNumber(end),
            )) {
              const period = `${fromDayNumber(from)}..${fromDayNumber(to)}`;
              const part = computeMetrics(store, {
                scope: { kind: 'person', id },
                period,
                asOf,
                metrics: additive,
              });
              for (const key of additive) total[key]! += part.metrics[key] as number;
            }
          }
          expect(unit.metrics).toEqual(total);
        }
        // Filtered keys: the company (a unit scan) is the sum of its people (the per-person pass).
        const filtered = [
          'revenue{product_line=A}',
          'collected{customer_type=enterprise}',
          'new_customer_revenue{region=south}',
        ];
        const request = { period: '2026-Q3', asOf: '2026-09-20', metrics: filtered };
        const company = computeMetrics(store, { ...request, scope: { kind: 'unit', id: 'co' } }).metrics;
        const sum = Object.fromEntries(filtered.map((key) => [key, 0]));
        for (const id of REPS) {
          const part = computeMetrics(store, { ...request, scope: { kind: 'person', id } }).metrics;
          for (const key of filtered) sum[key]! += part[key] as number;
        }
        expect(company).toEqual(sum);
      }),
      runs,
    );
  });
});
