import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FenColumn, int32Column } from './growable.ts';

describe('columns', () => {
  it('grows a column and reads the fill value past the end', () => {
    const column = int32Column(-1);
    column.set(5000, 7);
    expect([column.get(5000), column.get(4999), column.get(1_000_000)]).toEqual([7, -1, -1]);
  });

  it('gives back spare capacity and keeps every value', () => {
    const column = int32Column(-1);
    for (let i = 0; i < 20_000; i++) column.set(i, i * 2);
    column.set(2999, 5998);
    expect(column.raw().length).toBe(32_768);
    column.compact();
    // An eighth (and a page) of headroom stays: the next writes do not copy the column at once.
    expect(column.raw().length).toBe(20_000 + 2_500 + 1024);
    expect([column.get(0), column.get(2999), column.get(19_999), column.get(20_000)]).toEqual([
      0, 5998, 39_998, -1,
    ]);
    column.add(50_000, 5);
    expect([column.get(2999), column.get(40_000), column.get(50_000)]).toEqual([5998, -1, 4]);
  });

  it('keeps fen exactly in a FenColumn, beyond Int32 and in fractions too', () => {
    const amount = fc.oneof(
      fc.integer(),
      fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
      fc.constantFrom(-0x80000000, 0x7fffffff, 0x80000000, 0.5, -2.25),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(300), amount), { maxLength: 200 }), (writes) => {
        const column = new FenColumn();
        const model = new Map<number, number>();
        for (const [index, value] of writes) {
          column.set(index, value);
          model.set(index, value);
        }
        for (let index = 0; index <= 301; index++) expect(column.get(index)).toBe(model.get(index) ?? 0);
        const large = (column as unknown as { large: Map<number, number> }).large;
        expect(large.size).toBe(
          [...model.values()].filter((v) => !Number.isInteger(v) || v < -0x7fffffff || v > 0x7fffffff).length,
        );
      }),
    );
  });
});
