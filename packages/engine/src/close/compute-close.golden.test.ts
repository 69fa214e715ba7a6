import { describe, expect, it } from 'vitest';
import { CONTRACT_EXAMPLE_PLAN } from '../plan/contract-example.ts';
import { parsePlan } from '../plan/parse-plan.ts';
import { goldenStore } from '../testing/golden-company.ts';
import { computeClose } from './compute-close.ts';
import { estimatePay } from './estimate-pay.ts';
import { goldenCloseInput } from './golden-close.fixture.ts';

/** What `close --json` prints (JSON round trip: -0 prints as 0, undefined keys vanish). */
const printed = (value: unknown) => JSON.parse(JSON.stringify(value));

const item = (metric: string, actual: unknown, goal: unknown, score: number, flag?: string) => ({
  metric,
  actual,
  goal,
  score,
  ...(flag ? { flag } : {}),
});

describe('golden close, 2026-Q3 (hand-computed)', () => {
  const result = computeClose(goldenCloseInput());

  it('matches the contract JSON to the fen', () => {
    expect(printed(result.json)).toEqual({
      period: '2026-Q3',
      start: '2026-07-01',
      end: '2026-09-30',
      as_of: '2026-10-10',
      people: [
        {
          // results (50 × 100 + 50 × 60) / 100 = 80; process 100; total 0.6 × 80 + 0.4 × 100 = 88
          id: 'a',
          unit_id: 't1',
          score: 88,
          grade: 'B',
          rank_in_unit: 1,
          items: [
            item('revenue', '250000.00', '250000.00', 100),
            item('collection_rate', 0.54, 0.9, 60),
            item('visits', 2, 2, 100),
          ],
          // 1% × 100,000 + 1.5% × 150,000; pool t1 = 5% × 316,500.50 = 15,825.025 → 15,825.03, 30% = 4,747.509 → 4,747.51
          pay: [
            { component: 'commission', amount: '3250.00' },
            { component: 'pool', amount: '4747.51' },
          ],
          total_pay: '7997.51',
          awards: ['champion', 'praise'],
          promotion_eligible: true,
        },
        {
          // results (50 × 75 + 50 × 100) / 100 = 87.5; process 80; total 52.5 + 32 = 84.5
          id: 'b',
          unit_id: 't1',
          score: 84.5,
          grade: 'B',
          rank_in_unit: 2,
          items: [
            item('revenue', '75000.00', '100000.00', 75),
            item('collection_rate', 0.96, 0.9, 100),
            item('visits', 1, 2, 80),
          ],
          // the rest of t1's pool: 15,825.03 − 4,747.51 (c is below min_score)
          pay: [
            { component: 'commission', amount: '750.00' },
            { component: 'pool', amount: '11077.52' },
          ],
          total_pay: '11827.52',
          awards: ['newcomer', 'praise'],
          promotion_eligible: false,
        },
        {
          // moved to t1 on 2026-08-01; negative revenue: commission 0; score 16 < min_score 60
          id: 'c',
          unit_id: 't1',
          score: 16,
          grade: 'D',
          rank_in_unit: 3,
          items: [
            item('revenue', '-10000.00', '50000.00', 0),
            item('collection_rate', 0, 0.9, 0),
            item('visits', 0, 2, 40),
          ],
          pay: [
            { component: 'commission', amount: '0.00' },
            { component: 'pool', amount: '0.00' },
          ],
          total_pay: '0.00',
          awards: [],
          promotion_eligible: false,
        },
        {
          // no revenue goal: no_goal; total 0.6 × 50 + 0.4 × 100 = 70; alone in t2: 30% of 20,000, the rest unallocated
          id: 'd',
          unit_id: 't2',
          score: 70,
          grade: 'C',
          rank_in_unit: 1,
          items: [
            item('revenue', '400000.00', null, 0, 'no_goal'),
            item('collection_rate', 1, 0.9, 100),
            item('visits', 3, 2, 100),
          ],
          pay: [
            { component: 'commission', amount: '6000.00' },
            { component: 'pool', amount: '6000.00' },
          ],
          total_pay: '12000.00',
          awards: ['champion'],
          promotion_eligible: false,
        },
        {
          // compensation without scorecard: no score, no rank; retroactive 0.2% × 1,500.50 = 3.001 → 3.00
          id: 'm',
          unit_id: 't1',
          score: null,
          grade: null,
          rank_in_unit: null,
          items: [],
          pay: [{ component: 'override', amount: '3.00' }],
          total_pay: '3.00',
          awards: [],
          promotion_eligible: false,
        },
      ],
    });
  });

  it('explains every figure beside the JSON', () => {
    const a = result.explain.people.a!;
    expect(a.rule).toEqual({ scorecard: 'rep', compensation: 'rep-pay', planVersion: '1' });
    expect(a.pay[0]!.unrounded).toBe('3250');
    expect(a.pay[0]!.events?.map((e) => [e.id, e.amount])).toEqual([
      ['o1', 15_000_000],
      ['o2', 10_000_000],
    ]);
    expect(a.pay[0]!.lines.join('\n')).toContain('100000 – 250000: 0.015 × 150000 = 2250');
    expect(a.items[1]!.goalSource).toBe('target');
    expect(a.promotion.lines).toEqual([
      '2026-Q2: attainment 1 ≥ 1',
      '2026-Q3: attainment 1 ≥ 1',
      'eligible: revenue attainment ≥ 1 in each of the last 2 fiscal quarters',
    ]);
    const t2 = result.explain.pools.find((p) => p.unit === 't2')!;
    expect([t2.pool, t2.unallocated]).toEqual(['20000.00', '14000.00']);
    expect(result.explain.people.c!.pay[1]!.lines[0]).toContain('not allocated');
    expect(JSON.stringify(result.json)).not.toContain('lines');
  });

  it('does not depend on the order of input rows', () => {
    const input = goldenCloseInput();
    const shuffled = computeClose({
      ...input,
      people: [...input.people].reverse(),
      units: [...input.units].reverse(),
    });
    expect(shuffled.json).toEqual(result.json);
  });
});

describe('estimatePay (what-if through the same close)', () => {
  it('adds ¥50,000 revenue to a', () => {
    const estimate = estimatePay(goldenCloseInput(), 'a', { revenue: 5_000_000 });
    // commission 1,000 + 3,000; pool t1 5% × 366,500.50 = 18,325.03, 30% → 5,497.51
    expect(estimate.estimated?.pay).toEqual([
      { component: 'commission', amount: '4000.00' },
      { component: 'pool', amount: '5497.51' },
    ]);
    expect(estimate.current?.total_pay).toBe('7997.51');
    expect(estimate.difference).toBe('1500.00');
    // revenue 300,000 / 250,000 = 1.2 → 120; results 90; total 94
    expect(estimate.estimated?.score).toBe(94);
  });

  it('moves nothing with a zero delta and rejects an unknown metric', () => {
    expect(estimatePay(goldenCloseInput(), 'b', { collected: 0 }).difference).toBe('0.00');
    expect(() => estimatePay(goldenCloseInput(), 'b', { revenu: 1 })).toThrow(/unknown metric/);
  });
});

describe('the contract §6 example plan on the engine golden company', () => {
  const parsed = parsePlan(CONTRACT_EXAMPLE_PLAN);
  if ('errors' in parsed) throw new Error('contract example must parse');
  const result = computeClose({
    store: goldenStore(),
    plan: parsed.plan,
    period: '2026-Q3',
    asOf: '2026-10-15',
    people: [
      { id: 'r1', unitId: 'east-1', role: 'rep', hireDate: '2026-05-01' },
      { id: 'r2', unitId: 'east', role: 'rep', hireDate: '2020-01-01' },
      { id: 'r3', unitId: 'west', role: 'rep', hireDate: '2020-01-01' },
    ],
    units: [
      { id: 'co', kind: 'company' },
      { id: 'east', kind: 'region', parentId: 'co' },
      { id: 'east-1', kind: 'team', parentId: 'east' },
      { id: 'west', kind: 'team', parentId: 'co' },
    ],
    goalsOf: (scope): Record<string, number> => (scope === 'r1' ? { revenue: 100_000, visits: 2 } : {}),
  });

  it('pays tiers, pools and awards as hand-computed', () => {
    expect(
      printed(
        result.json.people.map((p) => [p.id, p.unit_id, p.pay.map((x) => x.amount), p.total_pay, p.awards]),
      ),
    ).toEqual([
      // 1% × 1,033.33 = 10.3333; west pool 5% × 66.68 = 3.334 → 3.33, r1 30% = 0.999 → 1.00
      ['r1', 'west', ['10.33', '1.00'], '11.33', ['champion', 'newcomer']],
      // r2's unit east is a region: no team pool
      ['r2', 'east', ['3.33', '0.00'], '3.33', []],
      // 1% × 33.35 = 0.3335 → 0.33; score 30.4 < min_score 60
      ['r3', 'west', ['0.33', '0.00'], '0.33', []],
    ]);
    const west = result.explain.pools.find((p) => p.unit === 'west')!;
    expect([west.pool, west.unallocated]).toEqual(['3.33', '2.33']);
    expect(result.json.people.every((p) => p.items.length === 5)).toBe(true);
    // complaint_rate lower_is_better: r2 has no complaints → a = cap 1.2 → 120
    expect(result.json.people[1]!.items[4]).toEqual({
      metric: 'complaint_rate',
      actual: 0,
      goal: 0.02,
      score: 120,
    });
  });
});
