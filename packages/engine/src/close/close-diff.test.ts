import { describe, expect, it } from 'vitest';
import { diffCloses } from './close-diff.ts';
import { computeClose } from './compute-close.ts';
import { goldenCloseInput } from './golden-close.fixture.ts';

describe('diffCloses', () => {
  it('is empty for the same run and explains who changed and by how much', () => {
    const input = goldenCloseInput();
    const first = computeClose(input).json;
    expect(diffCloses(first, first)).toEqual([]);
    input.store.upsertOrder({
      id: 'o11',
      date: '2026-09-10',
      repId: 'b',
      customerId: 'k1',
      productId: 'p1',
      amount: 2_500_000 as never,
    });
    const second = computeClose(input).json;
    const diff = diffCloses(first, second);
    expect(diff.map((d) => [d.id, d.kind, d.totalPayDelta])).toEqual([
      // t1 pool grows by 5% × 25,000 = 1,250.00: a's 30% +375.00, b gets the rest and +250.00 commission
      ['a', 'changed', '375.00'],
      ['b', 'changed', '1125.00'],
    ]);
    expect(diff[1]!.changes.find((c) => c.field === 'pay.commission')).toEqual({
      field: 'pay.commission',
      before: '750.00',
      after: '1000.00',
    });
    expect(diff[1]!.lines[0]).toBe('b: changed, total pay 11827.52 → 12952.52 (+1125.00)');
  });
});
