import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../dates.ts';
import { OrgChart } from '../org-chart.ts';
import { applyOp, CUSTOMERS, type FactOp, factOp, PRODUCTS, REPS } from '../testing/random-facts.ts';
import { collectSums, type SumsQuery } from './collect-sums.ts';
import { FactStore } from './fact-store.ts';

// co ─ east ─ east-a, co ─ west; 'loose' hangs under a unit missing from the chart.
const UNITS = [
  { id: 'co' },
  { id: 'east', parentId: 'co' },
  { id: 'east-a', parentId: 'east' },
  { id: 'west', parentId: 'co' },
  { id: 'loose', parentId: 'gone' },
];
const UNIT_IDS = [...UNITS.map((u) => u.id), 'gone', 'nowhere'];
const date = fc.integer({ min: -10, max: 160 }).map((d) => addDays('2026-06-01', d));
const unit = fc.constantFrom(...UNITS.map((u) => u.id));

/** A random effective-dated chart: some reps missing, each with up to three moves. */
const chart: fc.Arbitrary<OrgChart> = fc
  .tuple(
    fc.subarray(REPS, { minLength: 1 }),
    fc.array(fc.record({ personId: fc.constantFrom(...REPS), unitId: unit, effectiveFrom: date }), {
      maxLength: 8,
    }),
    fc.array(unit, { minLength: REPS.length, maxLength: REPS.length }),
  )
  .map(
    ([people, moves, homes]) =>
      new OrgChart(
        UNITS,
        people.map((id) => ({ id, unitId: homes[REPS.indexOf(id)]! })),
        moves,
      ),
  );

const WINDOWS = [
  ['2026-07-01', '2026-09-30', '2026-10-31'],
  ['2026-06-01', '2026-12-31', '2026-08-15'],
  ['2026-07-20', '2026-07-20', '2026-12-31'],
  ['2026-08-01', '2026-08-31', '2026-07-01'],
] as const;

function queries(): SumsQuery[] {
  return [...UNIT_IDS, 'r1', 'r2'].flatMap((id) =>
    WINDOWS.flatMap(([start, end, asOf]) =>
      [{}, { product_line: 'A' }, { customer_type: 'enterprise', region: 'south' }].map((filters) => ({
        scope: { kind: id.startsWith('r') ? ('person' as const) : ('unit' as const), id },
        startDay: toDayNumber(start),
        endDay: toDayNumber(end),
        asOfDay: toDayNumber(asOf),
        filters,
      })),
    ),
  );
}

/** The unit cubes (memoised) give exactly what summing the members' person cubes gives. */
function expectBothPathsEqual(store: FactStore): void {
  for (const query of queries())
    expect(collectSums(store, query)).toEqual(collectSums(store, { ...query, viaMembers: true }));
}

function newStore(org: OrgChart): FactStore {
  const store = new FactStore();
  store.setOrg(org);
  store.load({ products: PRODUCTS, customers: CUSTOMERS });
  return store;
}

const ops = fc.array(factOp, { maxLength: 40, size: 'max' });

describe('unit cubes', () => {
  it('equal the sum of the members over the days they belong, after any facts, credits and removals', () => {
    fc.assert(
      fc.property(chart, ops, (org, list) => {
        const store = newStore(org);
        for (const op of list) applyOp(store, op);
        expectBothPathsEqual(store);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('stay equal when maintained incrementally between queries (and the memo follows every change)', () => {
    fc.assert(
      fc.property(chart, ops, (org, list) => {
        const store = newStore(org);
        for (const op of list) {
          applyOp(store, op);
          const query = queries()[list.indexOf(op) % queries().length]!;
          expect(collectSums(store, query)).toEqual(collectSums(store, { ...query, viaMembers: true }));
        }
        expectBothPathsEqual(store);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('are rebuilt on setOrg: moves and re-organisations mid-sequence', () => {
    fc.assert(
      fc.property(chart, chart, ops, ops, (first, second, before, after) => {
        const store = newStore(first);
        for (const op of before) applyOp(store, op);
        expectBothPathsEqual(store);
        store.setOrg(second);
        store.prepareUnits(); // built eagerly this time, then maintained through `after`
        expectBothPathsEqual(store);
        for (const op of after) applyOp(store, op);
        expectBothPathsEqual(store);
        // A store that only ever knew the second chart holds the same person and unit sums.
        const fresh = newStore(second);
        for (const op of [...before, ...after] as FactOp[]) applyOp(fresh, op);
        for (const query of queries()) expect(collectSums(fresh, query)).toEqual(collectSums(store, query));
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
