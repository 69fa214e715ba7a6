/**
 * A plan and its hand-computed close of year 2026 on test/fixtures/small-company.ts, shared by
 * the plan, close and statement tests.
 *
 * Revenue 2026 (contract §4 crediting): r1 1000.00 + half of o-split 2500.00 = 3500.00;
 * r2 2000.00 (July, T1) + 3000.00 (Sept, T2) = 5000.00; r3 4000.00 + 2500.00 = 6500.00.
 * Units on 2026-12-31: r1 T1, r2 T2, r3 T3. EAST 8500.00, WEST 6500.00.
 * Scores (target 5000, linear cap 2): r1 70, r2 100, r3 130 — all grade A; each alone in his team.
 * Commission marginal 1% to 4000, 2% above: r1 35.00; r2 40 + 20 = 60.00; r3 40 + 50 = 90.00.
 * Pool 10% per region: EAST 850.00 — r2 (rank 1) 50% = 425.00, the rest 425.00 equally to r1;
 * WEST 650.00 — r3 325.00, 325.00 unallocated. Champion (top revenue): r3.
 */
import type { CloseJson } from '@attain/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { beginRevision } from '../tracking/revisions.repository.ts';

export const TEST_PLAN_YAML = `calendar: { fiscal_year_start: 1 }
scorecards:
  - id: rep
    applies_to: { role: rep }
    grades: { A: 50, B: 10, C: 0 }
    groups:
      - name: results
        weight: 1
        items:
          - { metric: revenue, target: 5000, weight: 1, scoring: { type: linear, cap: 2 } }
compensation:
  - id: rep-pay
    applies_to: { role: rep }
    components:
      - { id: commission, type: tiered_commission, base: revenue, mode: marginal,
          tiers: [ { upto: 4000, rate: 0.01 }, { rate: 0.02 } ] }
      - { id: pool, type: bonus_pool, unit_kind: region, rate: 0.1, base: revenue, shares: [0.5], rest: equal }
awards:
  - { id: champion, type: top, metric: revenue }
`;

const person = (
  id: string,
  unit: string,
  score: number,
  revenue: string,
  pay: [string, string],
  total: string,
) => ({
  id,
  unit_id: unit,
  score,
  grade: 'A',
  rank_in_unit: 1,
  items: [{ metric: 'revenue', actual: revenue, goal: '5000.00', score }],
  pay: [
    { component: 'commission', amount: pay[0] },
    { component: 'pool', amount: pay[1] },
  ],
  total_pay: total,
  awards: [] as string[],
  promotion_eligible: false,
});

/** A plan with two errors (a group weight of 0, an item weight of −1): every path must be named. */
export const BAD_PLAN_YAML = `scorecards:
  - id: rep
    applies_to: { role: rep }
    grades: { A: 50 }
    groups:
      - name: g
        weight: 0
        items:
          - { metric: revenue, weight: -1, scoring: { type: linear } }
`;

export const EXPECTED_2026: CloseJson = {
  period: '2026',
  start: '2026-01-01',
  end: '2026-12-31',
  as_of: '2026-12-31',
  people: [
    person('r1', 'T1', 70, '3500.00', ['35.00', '425.00'], '460.00'),
    person('r2', 'T2', 100, '5000.00', ['60.00', '425.00'], '485.00'),
    { ...person('r3', 'T3', 130, '6500.00', ['90.00', '325.00'], '415.00'), awards: ['champion'] },
  ],
};

/**
 * After r1 sells ¥1,000 more (2026-06-01): r1 4500.00 → score 90, commission 40 + 10 = 50.00;
 * EAST 9500.00 → pool 950.00: r2 475.00, r1 475.00.
 */
export const R1_AFTER_EXTRA_ORDER = {
  ...person('r1', 'T1', 90, '4500.00', ['50.00', '475.00'], '525.00'),
};

/** Adds an order the way an import does (stamped with a new revision, so live stores see it). */
export async function addOrder(
  db: Kysely<Database>,
  id: string,
  date: string,
  rep: string,
  amountFen: number,
) {
  await db.transaction().execute(async (trx) => {
    const rev = await beginRevision(trx, SYSTEM_ACTOR, 'orders');
    await trx
      .insertInto('orders')
      .values({
        id,
        date,
        rep_id: rep,
        customer_id: 'C1',
        product_id: 'P1',
        amount: amountFen,
        cost: null,
        rev,
      })
      .execute();
  });
}
