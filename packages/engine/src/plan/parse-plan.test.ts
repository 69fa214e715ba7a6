import { describe, expect, it } from 'vitest';
import { CONTRACT_EXAMPLE_PLAN } from './contract-example.ts';
import { parsePlan } from './parse-plan.ts';
import type { Plan, TieredCommission } from './plan-types.ts';

function mustParse(text: string): Plan {
  const result = parsePlan(text);
  if ('errors' in result) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}
function errorsOf(text: string) {
  const result = parsePlan(text);
  return 'errors' in result ? result.errors.map((e) => `${e.path}: ${e.message}`) : [];
}

describe('parsePlan: the contract example (§6)', () => {
  const plan = mustParse(CONTRACT_EXAMPLE_PLAN);
  it('reads every part', () => {
    expect(plan.calendar.fiscalYearStart).toBe(1);
    expect(plan.scorecards[0]!.grades.map((g) => `${g.name}${g.min}`)).toEqual([
      'S110',
      'A95',
      'B80',
      'C60',
      'D0',
    ]);
    expect(plan.scorecards[0]!.groups[0]!.items[2]!.scoring).toEqual({
      type: 'ladder',
      bands: [
        ['0', '40'],
        ['0.8', '80'],
        ['1', '100'],
      ],
    });
    expect(plan.compensation[0]!.components[1]).toMatchObject({
      type: 'bonus_pool',
      unitKind: 'team',
      rate: '0.05',
      shares: ['0.3'],
      minScore: '60',
    });
    expect(plan.awards.map((a) => a.id)).toEqual(['champion', 'newcomer', 'praise']);
    expect(plan.promotion).toEqual({ metric: 'revenue', minAttainment: '1', consecutiveQuarters: 4 });
  });
  it('keeps decimals exactly as written, never through a float', () => {
    const tiers = (plan.compensation[0]!.components[0] as { tiers: unknown }).tiers;
    expect(tiers).toEqual([
      { upto: '1000000', rate: '0.01' },
      { upto: '3000000', rate: '0.015' },
      { upto: null, rate: '0.02' },
    ]);
    const precise = mustParse(`compensation:
  - id: p
    applies_to: { role: rep }
    components:
      - { id: c, type: tiered_commission, base: revenue, mode: marginal, tiers: [{ rate: 0.1234567890123456789 }] }`);
    expect((precise.compensation[0]!.components[0] as TieredCommission).tiers[0]!.rate).toBe(
      '0.1234567890123456789',
    );
  });
  it('accepts exponent, leading-dot and quoted decimals, exactly', () => {
    const p = mustParse(`compensation:
  - id: p
    applies_to: { role: rep }
    components:
      - { id: c, type: tiered_commission, base: collected, mode: retroactive, tiers: [{ upto: 1e6, rate: .005 }, { rate: "0.0150" }] }`);
    expect((p.compensation[0]!.components[0] as TieredCommission).tiers).toEqual([
      { upto: '1000000', rate: '0.005' },
      { upto: null, rate: '0.015' },
    ]);
  });

  it('merges an item filter into the metric key, filters sorted', () => {
    const p = mustParse(`scorecards:
  - id: s
    applies_to: { people: [p1, p2] }
    grades: { A: 1 }
    groups:
      - name: g
        weight: 1
        items:
          - { metric: revenue, filter: { region: east, product_line: A }, weight: 1, scoring: { type: linear } }`);
    expect(p.scorecards[0]!.groups[0]!.items[0]!.metric).toBe('revenue{product_line=A,region=east}');
    expect(p.scorecards[0]!.appliesTo).toEqual({ people: ['p1', 'p2'] });
  });
  it('an empty file is an error, an empty mapping a plan with nothing', () => {
    expect(errorsOf('')).toEqual([': the plan is empty']);
    expect(mustParse('{}').scorecards).toEqual([]);
  });
});

describe('parsePlan: errors name the path, all of them', () => {
  it('reports every problem of a scorecard', () => {
    expect(
      errorsOf(`calendar: { fiscal_year_start: 13 }
colour: blue
scorecards:
  - id: s
    applies_to: { role: rep, unit: u1 }
    grades: { A: 80, B: 90 }
    groups:
      - { name: a, weight: 50, items: [{ metric: revenue, weight: 1, scoring: { type: linear } }] }
      - name: b
        weight: 50
        items:
          - { metric: visits, weight: 1, scoring: { type: linear } }
          - { metric: revenu, weight: 1, scoring: { type: linear } }
          - { metric: calls, weight: 0, scoring: { type: linear, cap: 0.5, floor: 0.8, bands: [] } }
          - { metric: calls, weight: 1, scoring: { type: ladder, bands: [[0.5, 10], [0.5, 20]] }, extra: 1 }
  - id: s
    applies_to: { team: x, role: reps }
    grades: {}
    groups: []
`),
    ).toEqual([
      'colour: unknown key (expected one of: calendar, scorecards, compensation, awards, promotion)',
      'calendar.fiscal_year_start: must be a whole number from 1 to 12',
      'scorecards[0].applies_to: must name exactly one of role, people, unit',
      'scorecards[0].grades.B: must be lower than A (80): grades go from highest to lowest',
      'scorecards[0].groups[1].items[1].metric: unknown metric: revenu',
      'scorecards[0].groups[1].items[2].weight: must be greater than 0',
      'scorecards[0].groups[1].items[2].scoring.bands: applies to ladder only',
      'scorecards[0].groups[1].items[2].scoring.cap: must be at least the floor (0.8)',
      'scorecards[0].groups[1].items[3].extra: unknown key (expected one of: metric, target, weight, scoring, filter)',
      'scorecards[0].groups[1].items[3].scoring.bands[1][0]: must be greater than the previous threshold (0.5): bands ascend',
      'scorecards[1].applies_to.team: unknown key (expected one of: role, people, unit)',
      'scorecards[1].applies_to.role: must be one of: rep, manager, hr, finance, admin',
      'scorecards[1].grades: must not be empty',
      'scorecards[1].groups: must not be empty',
      'scorecards[1].id: duplicate id: s',
    ]);
  });

  it('reports compensation, award and promotion problems', () => {
    expect(
      errorsOf(`compensation:
  - id: pay
    applies_to: { role: rep }
    components:
      - { id: c, type: tiered_commission, base: revenue, mode: sliding, tiers: [{ upto: 100, rate: 0.01 }, { upto: 50, rate: -0.02 }, { upto: 10, rate: 0.03 }] }
      - { id: c, type: bonus_pool, unit_kind: team, rate: 0.05, base: revenue, shares: [0.6, 0.5], rest: random }
      - { id: d, type: bonus, base: revenue }
      - { id: e, type: tiered_commission, base: revenue, mode: marginal, tiers: [{ rate: 0.01 }], unit_kind: team }
awards:
  - { id: a, type: bottom, metric: revenue, hired_within_months: -1, within: { unit_kind: squad } }
  - { id: b, type: top, metric: revenue }
promotion: { metric: revenue, min_attainment: 1.0, consecutive_quarters: 0 }
`),
    ).toEqual([
      'compensation[0].components[0].mode: must be one of: marginal, retroactive',
      "compensation[0].components[0].tiers[1].upto: must be greater than the previous tier's upto (100)",
      'compensation[0].components[0].tiers[1].rate: must be at least 0',
      'compensation[0].components[0].tiers[2].upto: the last tier is open: it must have no upto',
      'compensation[0].components[1].shares: must sum to at most 1',
      'compensation[0].components[1].rest: must be one of: by_score, equal',
      'compensation[0].components[2].type: must be one of: tiered_commission, bonus_pool, fixed_floating_bonus',
      'compensation[0].components[3].unit_kind: unknown key for type tiered_commission',
      'compensation[0].components[1].id: duplicate id: c',
      'awards[0].type: must be one of: top',
      'awards[0].within.unit_kind: must be one of: company, region, team, other',
      'awards[0].hired_within_months: must be a whole number ≥ 0',
      'promotion.consecutive_quarters: must be a whole number from 1 to 40',
    ]);
  });

  it('names required keys and YAML syntax errors', () => {
    expect(errorsOf('scorecards:\n  - { id: s }\n')).toEqual([
      'scorecards[0].applies_to: is required',
      'scorecards[0].grades: is required',
      'scorecards[0].groups: is required',
    ]);
    expect(errorsOf('scorecards: [\n')[0]).toMatch(/^: YAML: .*line/);
    expect(errorsOf('awards: [{ id: a, id: b }]')[0]).toMatch(/YAML/);
  });

  it('validates the optional parts', () => {
    expect(
      errorsOf(`compensation:
  - id: pay
    applies_to: { role: rep }
    components:
      - { id: c, type: tiered_commission, base: revenue, mode: marginal, tiers: [{ rate: 0.01 }], cap: 1.005,
          accelerators: [{ above: 1.2, multiplier: 2 }, { above: 1.0, multiplier: 1.5 }], clawback: maybe }
      - { id: f, type: fixed_floating_bonus, fixed: 1000, floating_base: x, coefficients: { S: 1.5, A: -1 } }
`),
    ).toEqual([
      'compensation[0].components[0].cap: must have at most 2 fraction digits',
      'compensation[0].components[0].accelerators[1].above: must be greater than the previous threshold (1.2)',
      'compensation[0].components[0].clawback: must be true, false or { rate }',
      'compensation[0].components[1].floating_base: must be a decimal number',
      'compensation[0].components[1].coefficients.A: must be at least 0',
    ]);
  });
});
