import { BASE_METRICS, computeMetrics, FactStore, fen, type Scope } from '@attain/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY, SALES } from '../../../../engine/src/store/measures.ts';
import {
  applyOp,
  CUSTOMERS,
  factOp,
  PRODUCTS,
  RANDOM_ORG,
  REPS,
} from '../../../../engine/src/testing/random-facts.ts';
import { bufferSource, decodeBody, encodeBody } from './snapshot-body.ts';
import { deserializeStore, SnapshotMismatch, serializeStore } from './store-snapshot.ts';

const SCOPES: Scope[] = [
  ...REPS.map((id) => ({ kind: 'person' as const, id })),
  ...['co', 'east', 'west'].map((id) => ({ kind: 'unit' as const, id })),
];
const KEYS = [...BASE_METRICS, 'orders{product_line=A}', 'new_customer_revenue{customer_type=enterprise}'];

/** Every metric of every scope over a quarter, a week and a ragged range, at two as-of dates. */
function everything(store: FactStore) {
  return {
    aggregates: store.dumpAggregates(),
    metrics: SCOPES.flatMap((scope) =>
      ['2026-Q3', '2026-W31', '2026-06-20..2026-08-10'].flatMap((period) =>
        ['2026-07-20', '2026-10-31'].map(
          (asOf) => computeMetrics(store, { scope, period, asOf, metrics: KEYS }).metrics,
        ),
      ),
    ),
  };
}

function seeded(): FactStore {
  const store = new FactStore();
  store.setOrg(RANDOM_ORG);
  store.load({ products: PRODUCTS, customers: CUSTOMERS });
  return store;
}

describe('store snapshot', () => {
  it('restores a store that answers and changes exactly like the original', () => {
    fc.assert(
      fc.property(
        fc.array(factOp, { maxLength: 40, size: 'max' }),
        fc.array(factOp, { maxLength: 15 }),
        (before, after) => {
          const original = seeded();
          for (const op of before) applyOp(original, op);
          const { store: copy, extra } = deserializeStore(serializeStore(original, { revision: 7 }));
          expect(extra).toEqual({ revision: 7 });
          expect(everything(copy)).toEqual(everything(original));
          // The copy is a working store, not a picture of one: later changes land the same way.
          for (const op of after) {
            applyOp(original, op);
            applyOp(copy, op);
          }
          expect(everything(copy)).toEqual(everything(original));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a snapshot whose shape no longer fits the store', () => {
    const plain = decodeBody(bufferSource(serializeStore(seeded()))) as { store: Record<string, unknown> };
    const [field] = Object.keys(plain.store);
    delete plain.store[field as string];
    expect(() => deserializeStore(encodeBody(plain))).toThrow(SnapshotMismatch);
    const retyped = decodeBody(bufferSource(serializeStore(seeded()))) as { store: Record<string, unknown> };
    retyped.store.people = 42;
    expect(() => deserializeStore(encodeBody(retyped))).toThrow(SnapshotMismatch);
  });

  it('restores a cube whose measures were widened, each to its own width, into a fresh Int16 one', () => {
    const original = seeded();
    // 30,000,000.00 yuan of revenue on one person-day: beyond Int32 fen, so the sales cubes'
    // revenue turns Float64; 1,000.00 yuan of cost is beyond Int16 (Int32); the counts stay Int16.
    // 21,474,000.00 yuan of cost the next day still fits Int32 fen, the month's cost no longer
    // does: the cost totals turn Float64, its days stay Int32.
    const big = { id: 'o1', date: '2026-07-10', repId: 'r1', customerId: 'c1', productId: 'pA' };
    original.upsertOrder({ ...big, amount: fen(3_000_000_000), cost: fen(100_000) });
    original.upsertOrder({ ...big, id: 'o2', repId: 'r3', amount: fen(12_345) });
    const nextDay = { ...big, id: 'o4', date: '2026-07-11' };
    original.upsertOrder({ ...nextDay, amount: fen(2_147_400_000), cost: fen(2_147_400_000) });
    const before = everything(original); // also builds the unit cube
    const widths = ['float64', 'int32', 'int16', 'int16'];
    const totalWidths = ['float64', 'float64', 'int16', 'int16'];
    const measures = [SALES.revenue, SALES.cost, SALES.orders, SALES.newCustomers];
    const storages = (store: FactStore) =>
      [store.sales.people, store.sales.units()].map((cube) => measures.map((i) => cube.storageOf(i)));
    const totalStorages = (store: FactStore) =>
      [store.sales.people, store.sales.units()].map((cube) => measures.map((i) => cube.totalStorageOf(i)));
    expect(storages(original)).toEqual([widths, widths]);
    expect(totalStorages(original)).toEqual([totalWidths, totalWidths]);
    const activity = Array.from({ length: ACTIVITY.width }, (_, i) => original.activity.people.storageOf(i));
    expect(activity).toEqual(activity.map(() => 'int16'));
    expect(storages(new FactStore())).toEqual([measures.map(() => 'int16'), measures.map(() => 'int16')]);
    expect(totalStorages(new FactStore())).toEqual([
      measures.map(() => 'int16'),
      measures.map(() => 'int16'),
    ]);

    const { store: copy } = deserializeStore(serializeStore(original));
    expect(storages(copy)).toEqual([widths, widths]);
    expect(totalStorages(copy)).toEqual([totalWidths, totalWidths]);
    expect(everything(copy)).toEqual(before);
    // Still a working store: a retraction and another large order land the same way.
    for (const store of [original, copy]) {
      store.upsertOrder({ ...big, amount: fen(-3_000_000_000) });
      store.upsertOrder({ ...big, id: 'o3', repId: 'r2', amount: fen(2_999_999_999) });
    }
    expect(everything(copy)).toEqual(everything(original));
  });

  it('still refuses a field that changed between a Map, an array, a typed array and an object', () => {
    type Plain = { store: { sales: { people: Record<string, unknown> } } };
    const saved = () => decodeBody(bufferSource(serializeStore(seeded()))) as Plain;
    const asMap = saved();
    expect(ArrayBuffer.isView(asMap.store.sales.people.pageBase)).toBe(true);
    asMap.store.sales.people.pageBase = new Map();
    expect(() => deserializeStore(encodeBody(asMap))).toThrow(SnapshotMismatch);
    const asTyped = saved();
    expect(Array.isArray(asTyped.store.sales.people.totals)).toBe(true);
    asTyped.store.sales.people.totals = new Float64Array(4);
    expect(() => deserializeStore(encodeBody(asTyped))).toThrow(SnapshotMismatch);
    // The month index is an instance of its own (a snapshot of a cube with a Map per key no longer fits).
    const asOldIndex = saved();
    const { months } = asOldIndex.store.sales.people as { months: Record<string, unknown> };
    expect(ArrayBuffer.isView(months.cells)).toBe(true);
    asOldIndex.store.sales.people.pages = [new Map([[24_318, 0]])];
    expect(() => deserializeStore(encodeBody(asOldIndex))).toThrow(SnapshotMismatch);
    months.cells = new Map();
    delete asOldIndex.store.sales.people.pages;
    expect(() => deserializeStore(encodeBody(asOldIndex))).toThrow(SnapshotMismatch);
  });
});
