import { describe, expect, it } from 'vitest';
import { diffCloses } from './close-diff.ts';
import { computeClose } from './compute-close.ts';
import { estimatePay } from './estimate-pay.ts';
import { expectStructured, expectStructuredClose } from './explain-lines.test-support.ts';
import { EXPLAIN_CODES, explainLine, renderExplainLine } from './explain-lines.ts';
import { goldenCloseInput } from './golden-close.fixture.ts';

describe('structured explanation lines', () => {
  const input = goldenCloseInput();
  const result = computeClose(input);

  it('every line of the golden close has a code, and its English rendering is the line', () => {
    const codes = expectStructuredClose(result);
    // the golden close explains scores, tiers, pools, awards and promotion
    for (const code of [
      'item.values',
      'item.ratio',
      'score.grade',
      'commission.slice',
      'pool.base',
      'award.top',
    ])
      expect(codes).toContain(code);
    const slice = result.explain.people.a!.pay[0]!.structured!.find((l) => l.code === 'commission.slice');
    expect(slice).toEqual({
      code: 'commission.slice',
      params: { from: '0', to: '100000', rate: '0.01', width: '100000', amount: '1000' },
    });
  });

  it('a what-if explanation and a diff between runs carry the same structured lines', () => {
    const estimate = estimatePay(input, 'a', { revenue: 10_000_00 }, result);
    const explain = estimate.explain!;
    expect(explain.pay[0]!.structured!.map((l) => l.code)).toContain('commission.head_what_if');
    expectStructuredClose({ json: result.json, explain: { people: { a: explain }, pools: [] } });
    // an earlier run without a and with b paid less
    const [, b, ...rest] = result.json.people;
    const before = { ...result.json, people: [{ ...b!, total_pay: '1.00' }, ...rest] };
    const diff = diffCloses(before, result.json);
    expect(diff.map((c) => [c.id, c.kind])).toEqual([
      ['a', 'added'],
      ['b', 'changed'],
    ]);
    for (const change of diff) {
      expectStructured(change, change.id);
      expect(change.structured[0]!.code).toBe('diff.person');
    }
  });

  it('codes are unique and the template fills every parameter', () => {
    expect(new Set(EXPLAIN_CODES).size).toBe(EXPLAIN_CODES.length);
    expect(renderExplainLine(explainLine('pay.capped', { cap: '80000.00' }))).toBe('capped at 80000.00');
    expect(
      renderExplainLine(
        explainLine('item.values', {
          metric: 'revenue',
          actual: '1.00',
          goal: null,
          money: true,
          source: 'none',
        }),
      ),
    ).toBe('revenue: actual ¥1.00, goal none from nowhere (no goal)');
  });
});
