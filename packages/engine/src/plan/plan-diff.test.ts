import { describe, expect, it } from 'vitest';
import { CONTRACT_EXAMPLE_PLAN } from './contract-example.ts';
import { formatPlan } from './format-plan.ts';
import { parsePlan } from './parse-plan.ts';
import { planDiff } from './plan-diff.ts';
import type { Plan } from './plan-types.ts';

function mustParse(text: string): Plan {
  const result = parsePlan(text);
  if ('errors' in result) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

const v1 = mustParse(CONTRACT_EXAMPLE_PLAN);

describe('formatPlan', () => {
  it('round-trips through parsePlan, decimals exact', () => {
    const text = formatPlan(v1);
    expect(text).toContain('rate: 0.015');
    expect(mustParse(text)).toEqual(v1);
  });
});

describe('planDiff', () => {
  it('is empty for the same plan', () => {
    expect(planDiff(v1, mustParse(CONTRACT_EXAMPLE_PLAN))).toEqual([]);
  });

  it('lists changes by path, matching id lists by id', () => {
    const v2 = mustParse(
      CONTRACT_EXAMPLE_PLAN.replace('{ upto: 3000000, rate: 0.015 }', '{ upto: 3000000, rate: 0.016 }')
        .replace('A: 95,', 'A: 90,')
        .replace('min_score: 60', 'min_score: 50')
        .replace('  - { id: praise, type: top, metric: nps, min_responses: 5 }\n', '')
        .replace(
          'awards:\n',
          'awards:\n  - { id: rookie, type: top, metric: orders, hired_within_months: 3 }\n',
        ),
    );
    expect(planDiff(v1, v2).map((c) => c.line)).toEqual([
      'scorecards[rep-2026].grades.A: 95 → 90',
      'compensation[rep-pay-2026].components[commission].tiers[1].rate: 0.015 → 0.016',
      'compensation[rep-pay-2026].components[pool].min_score: 60 → 50',
      'awards[praise]: removed (was {"id":"praise","type":"top","metric":"nps","min_responses":5})',
      'awards[rookie]: added {"id":"rookie","type":"top","metric":"orders","hired_within_months":3}',
    ]);
  });

  it('reports a change of order in an id list (the first match applies)', () => {
    const two = (a: string, b: string) =>
      mustParse(`scorecards:
${[a, b].map((id) => `  - { id: ${id}, applies_to: { role: rep }, grades: { A: 0 }, groups: [{ name: g, weight: 1, items: [{ metric: revenue, weight: 1, scoring: { type: linear } }] }] }`).join('\n')}
`);
    expect(planDiff(two('x', 'y'), two('y', 'x')).map((c) => c.line)).toEqual([
      'scorecards: order x, y → y, x',
    ]);
  });
});
