/**
 * fast-check generators of fact operations over a small universe of ids (so that upserts,
 * removals, payments of unknown orders and credits before orders all happen), and helpers to
 * replay them — for the store's property tests.
 */
import fc from 'fast-check';
import type { CreditShare } from '../credit-split.ts';
import { addDays } from '../dates.ts';
import { type Fen, fen } from '../money.ts';
import { OrgChart } from '../org-chart.ts';
import type { FactStore } from '../store/fact-store.ts';

export const REPS = ['r1', 'r2', 'r3', 'r4'];
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
/**
 * Order ids: numbered ones of one shape and, beside them, ids of other shapes, which the store's
 * id dictionary keeps apart (numbered-ids.ts); `o8` is never an order (payments before orders).
 */
const ORDER_IDS = [...ids('o', 8), 'o10', '订单-7'];
const REFERENCED_ORDER_IDS = [...ORDER_IDS, 'o8'];

/** co ─ east, co ─ west; r2 moves east → west mid-July, r4 (directly in co) joins east in September. */
export const RANDOM_ORG = new OrgChart(
  [{ id: 'co' }, { id: 'east', parentId: 'co' }, { id: 'west', parentId: 'co' }],
  [
    { id: 'r1', unitId: 'east' },
    { id: 'r2', unitId: 'east' },
    { id: 'r3', unitId: 'west' },
    { id: 'r4', unitId: 'co' },
  ],
  [
    { personId: 'r2', unitId: 'west', effectiveFrom: '2026-07-15' },
    { personId: 'r4', unitId: 'east', effectiveFrom: '2026-09-01' },
  ],
);

const date = fc.integer({ min: 0, max: 150 }).map((d) => addDays('2026-06-01', d));
const money = (min: number, max: number) => fc.integer({ min, max }).map((v) => fen(v) as Fen);
/** Now and then an amount beyond Int32 fen (±21.47M yuan), which the store keeps apart. */
const amount = (min: number, max: number) =>
  fc.oneof(
    { weight: 9, arbitrary: money(min, max) },
    { weight: 1, arbitrary: money(3_000_000_000, 3_000_000_100) },
  );
const rep = fc.constantFrom(...REPS);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const SHARE_SHAPES = [
  ['1'],
  ['0.5', '0.5'],
  ['0.3333', '0.3333', '0.3334'],
  ['0.25', '0.75'],
  ['0.1', '0.2', '0.7'],
];
const shares: fc.Arbitrary<CreditShare[] | null> = fc.oneof(
  fc.constant(null),
  fc
    .tuple(fc.constantFrom(...SHARE_SHAPES), fc.shuffledSubarray(REPS, { minLength: 3, maxLength: 3 }))
    .map(([shape, reps]) => shape.map((share, i) => ({ repId: reps[i]!, share }))),
);

const facts = {
  order: fc.record({
    id: fc.constantFrom(...ORDER_IDS),
    date,
    repId: rep,
    customerId: fc.constantFrom('c1', 'c2', 'c3'),
    productId: fc.constantFrom('pA', 'pB'),
    amount: amount(-5000, 50000),
    cost: optional(money(-1000, 20000)),
  }),
  payment: fc.record({
    id: fc.constantFrom(...ids('y', 5)),
    date,
    orderId: fc.constantFrom(...REFERENCED_ORDER_IDS),
    amount: amount(-100, 30000),
  }),
  activity: fc.record({
    id: fc.constantFrom(...ids('a', 6)),
    date,
    repId: rep,
    type: fc.constantFrom('visit', 'call', 'email', 'demo', 'proposal', 'other', 'webinar'),
  }),
  lead: fc.record({
    id: fc.constantFrom(...ids('l', 5)),
    createdOn: date,
    repId: rep,
    convertedOn: optional(date),
  }),
  opportunity: fc.record({
    id: fc.constantFrom(...ids('p', 5)),
    repId: rep,
    createdOn: date,
    amount: money(0, 90000),
    closedOn: optional(date),
    won: optional(fc.boolean()),
  }),
  survey: fc.oneof(
    fc.record({
      id: fc.constantFrom(...ids('s', 5)),
      date,
      repId: rep,
      kind: fc.constant('nps'),
      score: fc.integer({ min: 0, max: 10 }),
    }),
    fc.record({
      id: fc.constantFrom(...ids('s', 5)),
      date,
      repId: rep,
      kind: fc.constant('csat'),
      score: fc.integer({ min: 1, max: 5 }),
    }),
  ),
  complaint: fc.record({ id: fc.constantFrom(...ids('k', 4)), date, repId: rep }),
};
type Entity = keyof typeof facts;
const ENTITIES = Object.keys(facts) as Entity[];

export type FactOp =
  | { readonly op: 'upsert'; readonly entity: Entity; readonly fact: { id: string } }
  | { readonly op: 'remove'; readonly entity: Entity; readonly id: string }
  | { readonly op: 'credits'; readonly orderId: string; readonly shares: CreditShare[] | null };

export const factOp: fc.Arbitrary<FactOp> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...ENTITIES)
      .chain((entity) => facts[entity].map((fact) => ({ op: 'upsert' as const, entity, fact }))),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...ENTITIES)
      .chain((entity) => facts[entity].map((fact) => ({ op: 'remove' as const, entity, id: fact.id }))),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('credits' as const),
      orderId: fc.constantFrom(...REFERENCED_ORDER_IDS),
      shares,
    }),
  },
);

/** Applies one operation to a store. */
export function applyOp(store: FactStore, op: FactOp): void {
  if (op.op === 'credits') {
    store.setOrderCredits(op.orderId, op.shares);
    return;
  }
  const name = op.entity[0]!.toUpperCase() + op.entity.slice(1);
  const methods = store as unknown as Record<string, (arg: unknown) => void>;
  if (op.op === 'remove') methods[`remove${name}`]!.call(store, op.id);
  else methods[`upsert${name}`]!.call(store, op.fact);
}

/** The operations that rebuild the final state of a sequence from scratch (one per live fact). */
export function finalState(ops: readonly FactOp[]): FactOp[] {
  const live = new Map<string, FactOp>();
  const credits = new Map<string, FactOp>();
  for (const op of ops) {
    if (op.op === 'credits') credits.set(op.orderId, op);
    else if (op.op === 'remove') live.delete(`${op.entity}:${op.id}`);
    else live.set(`${op.entity}:${op.fact.id}`, op);
  }
  return [...live.values(), ...credits.values()];
}

/** A deterministic shuffle (for "any order of arrival"). */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed >>> 0 || 1;
  for (let i = result.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

export const PRODUCTS = [
  { id: 'pA', line: 'A' },
  { id: 'pB', line: 'B' },
];
export const CUSTOMERS = [
  { id: 'c1', type: 'enterprise', region: 'north' },
  { id: 'c2', type: 'smb', region: 'south' },
  { id: 'c3', type: 'enterprise', region: 'south' },
];
