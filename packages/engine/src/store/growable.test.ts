import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitColumn, FenColumn, int32Column, NarrowColumn, NibbleColumn } from './growable.ts';

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
    // A thirty-second (and a page) of headroom stays: the next writes do not copy the column at once.
    expect(column.raw().length).toBe(20_000 + 625 + 1024);
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

  it('holds whole numbers in two bytes while they fit, then three, then four', () => {
    const days = new NarrowColumn();
    const reps = new NarrowColumn(-1);
    for (let i = 0; i < 5000; i++) {
      days.set(i, 20_000 + (i % 400));
      reps.set(i, (i % 7) - 1); // −1 (none) too
    }
    expect([days.cellBytes, reps.cellBytes, days.raw() instanceof Uint16Array]).toEqual([2, 2, true]);
    expect([days.get(4999), days.get(5000), reps.get(0), reps.get(6), reps.get(99_999)]).toEqual([
      20_000 + (4999 % 400),
      0,
      -1,
      5,
      -1,
    ]);
    expect(() => reps.raw()).toThrow(RangeError);
    days.set(10, -3); // a date before 1970
    reps.set(70_000, 65_535); // the 65,536th rep: three bytes
    expect([days.cellBytes, reps.cellBytes, days.raw() instanceof Int32Array]).toEqual([4, 3, true]);
    reps.set(70_001, 16_777_214); // the largest of three bytes
    expect(reps.cellBytes).toBe(3);
    expect([
      days.get(10),
      days.get(11),
      reps.get(0),
      reps.get(6),
      reps.get(70_000),
      reps.get(70_001),
    ]).toEqual([-3, 20_011, -1, 5, 65_535, 16_777_214]);
    reps.set(3, 16_777_215); // past three bytes: four
    expect([reps.cellBytes, reps.get(3), reps.get(4), reps.get(69_999), reps.get(70_001)]).toEqual([
      4, 16_777_215, 3, -1, 16_777_214,
    ]);
  });

  it('reads in a NarrowColumn what was written, narrow or wide, compacted or not', () => {
    const value = fc.oneof(
      { weight: 12, arbitrary: fc.integer({ min: -1, max: 65_534 }) },
      { weight: 2, arbitrary: fc.integer({ min: -1, max: 16_777_214 }) },
      { weight: 1, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(0, -1),
        fc.array(fc.tuple(fc.nat(3000), value), { maxLength: 200 }),
        fc.nat(),
        (fill, writes, cut) => {
          const column = new NarrowColumn(fill);
          const model = new Map<number, number>();
          writes.forEach(([index, v], i) => {
            if (i === cut % (writes.length + 1)) column.compact();
            column.set(index, v);
            model.set(index, v);
          });
          for (let index = 0; index <= 3001; index++)
            expect(column.get(index)).toBe(model.get(index) ?? fill);
          // As wide for good as the widest value written needed, even if overwritten since.
          const fits = (max: number) => writes.every(([, v]) => v - fill >= 0 && v - fill <= max);
          expect(column.cellBytes).toBe(fits(0xffff) ? 2 : fits(0xffffff) ? 3 : 4);
        },
      ),
    );
  });

  it('reads in a BitColumn what was written, compacted or not, and 0 past the end', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5000), fc.boolean()), { maxLength: 300 }),
        fc.nat(),
        (writes, cut) => {
          const column = new BitColumn();
          const model = new Map<number, number>();
          writes.forEach(([index, on], i) => {
            if (i === cut % (writes.length + 1)) column.compact();
            column.set(index, on ? 1 : 0);
            model.set(index, on ? 1 : 0);
          });
          column.compact();
          const indices = Array.from({ length: 5100 }, (_, index) => index);
          const words = column.raw();
          const expected = indices.map((index) => model.get(index) ?? 0);
          expect(indices.map((index) => column.get(index))).toEqual(expected);
          expect(indices.map((index) => ((words[index >>> 5] ?? 0) >>> (index & 31)) & 1)).toEqual(expected);
        },
      ),
    );
  });
});

describe('NibbleColumn', () => {
  it('holds codes in [fill, fill + 15] as a plain array would, reading fill where unwritten', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5000), fc.integer({ min: -1, max: 14 })), { maxLength: 400, size: 'max' }),
        (writes) => {
          const column = new NibbleColumn(-1);
          const model = new Map<number, number>();
          for (const [index, value] of writes) {
            column.set(index, value);
            model.set(index, value);
          }
          for (const [index] of writes) {
            for (const near of [index - 1, index, index + 1]) {
              if (near >= 0) expect(column.get(near)).toBe(model.get(near) ?? -1);
            }
          }
        },
      ),
    );
  });

  it('refuses a value it cannot hold', () => {
    const column = new NibbleColumn(-1);
    expect(() => column.set(0, 15)).toThrow(RangeError);
    expect(() => column.set(0, -2)).toThrow(RangeError);
    expect(() => column.set(0, 0.5)).toThrow(RangeError);
    column.set(1, 14);
    expect([column.get(0), column.get(1)]).toEqual([-1, 14]);
  });
});
