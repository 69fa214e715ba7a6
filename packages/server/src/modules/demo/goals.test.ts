import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from './generate.ts';

const { goals, people, unit_moves } = generateDemoCompany({
  seed: 3,
  today: '2026-11-23',
  size: { reps: 24, months: 14 },
});
const plain = goals.filter((g) => !g.product_line && !g.customer_type && !g.region);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const targetOf = (scope: string, metric: string, period: string) =>
  Number(
    plain.find((g) => g.scope === scope && g.metric === metric && g.period === period)?.value ?? Number.NaN,
  );

describe('demo goals', () => {
  it('sets revenue and collected goals for the company, regions, teams and reps in the current year', () => {
    for (const scope of ['HQ', 'R-EAST', 'R-WEST', 'T-EAST-1', 'S0001']) {
      for (const metric of ['revenue', 'collected']) {
        for (const period of ['2026', '2026-Q1', '2026-Q4', '2026-01', '2026-12']) {
          expect(targetOf(scope, metric, period), `${scope} ${metric} ${period}`).toBeGreaterThan(0);
        }
      }
    }
    expect(goals.every((g) => g.period.startsWith('2026'))).toBe(true);
  });

  it('rolls months up into quarters and the year, and reps up into teams, regions and the company', () => {
    const steadyRep = people.find(
      (p) => p.role === 'rep' && p.id !== 'S0001' && p.hire_date < '2026-01-01' && !p.leave_date,
    );
    for (const scope of ['HQ', 'R-NORTH', 'T-SOUTH-1', steadyRep?.id ?? '']) {
      for (let q = 1; q <= 4; q++) {
        const months = [1, 2, 3].map((m) =>
          targetOf(scope, 'revenue', `2026-${String((q - 1) * 3 + m).padStart(2, '0')}`),
        );
        expect(sum(months), `${scope} Q${q}`).toBe(targetOf(scope, 'revenue', `2026-Q${q}`));
      }
      const quarters = [1, 2, 3, 4].map((q) => targetOf(scope, 'revenue', `2026-Q${q}`));
      expect(sum(quarters), scope).toBe(targetOf(scope, 'revenue', '2026'));
    }
    const eastTeams = ['T-EAST-1', 'T-EAST-2', 'T-EAST-3', 'T-EAST-4'].map((t) =>
      targetOf(t, 'revenue', '2026'),
    );
    expect(sum(eastTeams)).toBe(targetOf('R-EAST', 'revenue', '2026'));
    const regions = ['R-EAST', 'R-NORTH', 'R-SOUTH', 'R-WEST'].map((r) =>
      targetOf(r, 'collected', '2026-Q2'),
    );
    expect(sum(regions)).toBe(targetOf('HQ', 'collected', '2026-Q2'));
    // A rep's January goal counts for their team on 1 January (unit_moves are effective-dated).
    const unitOnJanuaryFirst = (id: string) =>
      unit_moves.filter((m) => m.person_id === id && m.effective_from <= '2026-01-01').at(-1)?.unit_id ??
      people.find((p) => p.id === id)?.unit_id;
    const members = people.filter((p) => p.role === 'rep' && unitOnJanuaryFirst(p.id) === 'T-EAST-1');
    const january = members.map((p) => targetOf(p.id, 'revenue', '2026-01')).filter((v) => !Number.isNaN(v));
    expect(sum(january)).toBe(targetOf('T-EAST-1', 'revenue', '2026-01'));
  });

  it('puts 保底 at 80% and 挑战 at 120% of the target', () => {
    for (const goal of goals.slice(0, 500)) {
      expect(Number(goal.floor)).toBeCloseTo(Number(goal.value) * 0.8, 0);
      expect(Number(goal.stretch)).toBeCloseTo(Number(goal.value) * 1.2, 0);
    }
  });

  it('includes filtered goals and visits goals', () => {
    expect(goals.some((g) => g.scope === 'HQ' && g.period === '2026' && g.product_line === '软件')).toBe(
      true,
    );
    expect(goals.some((g) => g.scope === 'HQ' && g.customer_type === 'enterprise')).toBe(true);
    expect(targetOf('S0001', 'visits', '2026-Q1')).toBe(15);
  });
});
