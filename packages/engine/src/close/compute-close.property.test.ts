import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { fen } from '../money.ts';
import { OrgChart } from '../org-chart.ts';
import { type FactBatch, FactStore } from '../store/fact-store.ts';
import { computeClose } from './compute-close.ts';
import { GOLDEN_PEOPLE, GOLDEN_UNITS, goldenPlan } from './golden-close.fixture.ts';

const REPS = ['a', 'b', 'c', 'd', 'm'];
const date = fc.integer({ min: 0, max: 120 }).map((d) => addDays('2026-06-15', d));
const facts = fc.record({
  orders: fc.uniqueArray(
    fc.record({
      id: fc.integer({ min: 1, max: 60 }).map((i) => `o${i}`),
      date,
      repId: fc.constantFrom(...REPS),
      customerId: fc.constant('k'),
      productId: fc.constant('p'),
      amount: fc.integer({ min: -500_000, max: 30_000_000 }).map(fen),
    }),
    { selector: (o) => o.id, maxLength: 25 },
  ),
  activities: fc.uniqueArray(
    fc.record({
      id: fc.integer({ min: 1, max: 40 }).map((i) => `v${i}`),
      date,
      repId: fc.constantFrom(...REPS),
      type: fc.constant('visit'),
    }),
    { selector: (a) => a.id, maxLength: 10 },
  ),
  surveys: fc.uniqueArray(
    fc.record({
      id: fc.integer({ min: 1, max: 40 }).map((i) => `s${i}`),
      date,
      repId: fc.constantFrom(...REPS),
      kind: fc.constantFrom('nps', 'csat'),
      score: fc.integer({ min: 1, max: 5 }),
    }),
    { selector: (s) => s.id, maxLength: 8 },
  ),
});

function storeOf(batch: FactBatch, reversed: boolean): FactStore {
  const store = new FactStore();
  const people = reversed ? [...GOLDEN_PEOPLE].reverse() : GOLDEN_PEOPLE;
  store.setOrg(
    new OrgChart(reversed ? [...GOLDEN_UNITS].reverse() : GOLDEN_UNITS, people, [
      { personId: 'c', unitId: 't1', effectiveFrom: '2026-08-01' },
    ]),
  );
  const flip = <T>(rows: readonly T[] | undefined) => (reversed ? [...(rows ?? [])].reverse() : rows);
  store.load({ products: [{ id: 'p', line: 'A' }], customers: [{ id: 'k' }] });
  store.load({
    orders: flip(batch.orders),
    activities: flip(batch.activities),
    surveys: flip(batch.surveys),
  });
  return store;
}

describe('close properties', () => {
  const plan = goldenPlan();
  it('results do not depend on the order of input rows', () => {
    fc.assert(
      fc.property(facts, (batch) => {
        const run = (reversed: boolean) =>
          computeClose({
            store: storeOf(batch, reversed),
            plan,
            period: '2026-Q3',
            asOf: '2026-10-10',
            people: reversed ? [...GOLDEN_PEOPLE].reverse() : GOLDEN_PEOPLE,
            units: reversed ? [...GOLDEN_UNITS].reverse() : GOLDEN_UNITS,
            goalsOf: (scope): Record<string, number> => (scope === 'a' ? { revenue: 10_000_000 } : {}),
          });
        const [forward, backward] = [run(false), run(true)];
        expect(backward).toEqual(forward);
        // each team pool is allocated exactly (minus what nobody was left for)
        for (const pool of forward.explain.pools) {
          const toFen = (s: string) => Math.round(Number(s) * 100);
          const allocated = pool.allocations.reduce((sum, a) => sum + toFen(a.amount), 0);
          expect(allocated + toFen(pool.unallocated)).toBe(toFen(pool.pool));
        }
      }),
      { numRuns: 40 },
    );
  });
});
