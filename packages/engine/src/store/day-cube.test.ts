import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DayCube } from './day-cube.ts';

const INT32_MAX = 2 ** 31 - 1;
const INT32_MIN = -(2 ** 31);
const JULY_1 = 20_635; // 2026-07-01
const JULY_31 = JULY_1 + 30;

const write = fc.record({
  key: fc.integer({ min: 0, max: 5 }),
  day: fc.integer({ min: 20_000, max: 20_800 }),
  measure: fc.integer({ min: 0, max: 2 }),
  delta: fc.integer({ min: -1000, max: 1000 }),
});

/** Deltas that fit Int32 mostly, now and then beyond it (up to ±2^40) or a fraction (exact in binary). */
const delta = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 2, arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(0.5, -0.5, 0.25, -1.75, 3.5) },
);
const anyWrite = fc.record({
  key: fc.integer({ min: 0, max: 3 }),
  day: fc.integer({ min: 20_500, max: 20_700 }),
  measure: fc.integer({ min: 0, max: 2 }),
  delta,
});
/**
 * Measures of different sizes side by side, as in the sales cube: measure 0 a count that stays
 * within two bytes, measure 1 fen that pass them, measure 2 anything (beyond Int32, fractions).
 */
const mixedWrite = fc.integer({ min: 0, max: 2 }).chain((measure) =>
  fc.record({
    key: fc.integer({ min: 0, max: 3 }),
    day: fc.integer({ min: 20_500, max: 20_700 }),
    measure: fc.constant(measure),
    delta: [fc.integer({ min: -50, max: 50 }), fc.integer({ min: -100_000, max: 100_000 }), delta][measure]!,
  }),
);

/** What each measure of a cube is held in. */
const storages = (cube: DayCube) => Array.from({ length: cube.width }, (_, i) => cube.storageOf(i));

function sums(cube: DayCube, key: number, from: number, to: number): number[] {
  const out = new Float64Array(cube.width);
  cube.sumInto(key, from, to, out);
  return Array.from(out);
}

/** A cube of `width` with one day bucket of `row` for key 0 on July 1st. */
function cubeOf(width: number, row: number[]): DayCube {
  const cube = new DayCube(width);
  cube.addRow(0, JULY_1, row);
  return cube;
}

describe('DayCube', () => {
  it.each([
    ['small counts', write],
    ['deltas of any size', anyWrite],
    ['measures of different sizes', mixedWrite],
  ])('answers the same after giving back its spare capacity, and keeps growing (%s)', (_, arbitrary) => {
    fc.assert(
      fc.property(fc.array(arbitrary, { maxLength: 400 }), fc.nat(), (writes, cut) => {
        const plain = new DayCube(3);
        const compacted = new DayCube(3);
        const at = writes.length === 0 ? 0 : cut % writes.length;
        writes.forEach((w, i) => {
          if (i === at) compacted.compact();
          plain.add(w.key, w.day, w.measure, w.delta);
          compacted.add(w.key, w.day, w.measure, w.delta);
        });
        compacted.compact();
        expect(storages(compacted)).toEqual(storages(plain));
        expect(compacted.dump()).toEqual(plain.dump());
        for (let key = 0; key <= 5; key++)
          expect(sums(compacted, key, 20_550, 20_650)).toEqual(sums(plain, key, 20_550, 20_650));
      }),
    );
  });

  it.each([
    ['deltas of any size', anyWrite],
    ['measures of different sizes', mixedWrite],
  ])(
    'holds the same as a plain accumulator, each measure as narrow as its values allow (%s)',
    (_, arbitrary) => {
      fc.assert(
        fc.property(fc.array(arbitrary, { maxLength: 300 }), fc.boolean(), (writes, byRow) => {
          const cube = new DayCube(3);
          const reference = new Map<string, number[]>();
          for (const w of writes) {
            if (byRow) {
              const row = [0, 0, 0];
              row[w.measure] = w.delta;
              cube.addRow(w.key, w.day, row);
            } else cube.add(w.key, w.day, w.measure, w.delta);
            const at = `${w.key}:${w.day}`;
            const held = reference.get(at) ?? [0, 0, 0];
            held[w.measure]! += w.delta;
            reference.set(at, held);
          }
          for (const [at, row] of reference) if (row.every((v) => v === 0)) reference.delete(at);
          expect(cube.dump()).toEqual(reference);
          for (let key = 0; key <= 3; key++)
            for (const [from, to] of [
              [-Infinity, Infinity],
              [20_520, 20_690],
              [JULY_1, JULY_31],
            ] as const) {
              const expected = [0, 0, 0];
              for (const [at, row] of reference) {
                const [k, day] = at.split(':').map(Number) as [number, number];
                if (k !== key || day < from || day > to) continue;
                for (let i = 0; i < 3; i++) expected[i]! += row[i]!;
              }
              expect(sums(cube, key, from, to)).toEqual(expected);
            }
          // Per measure: Int16 while every day's value of it was a whole number of two bytes, Int32
          // while of four, else Float64 for good (month totals are Float64 beside them).
          const fits = [true, true, true];
          const fits16 = [true, true, true];
          const days = new Map<string, number>();
          for (const w of writes) {
            const at = `${w.key}:${w.day}:${w.measure}`;
            const total = (days.get(at) ?? 0) + w.delta;
            days.set(at, total);
            if ((total | 0) !== total) fits[w.measure] = false;
            if ((total << 16) >> 16 !== total) fits16[w.measure] = false;
          }
          expect(storages(cube)).toEqual(
            [0, 1, 2].map((i) => (fits16[i] ? 'int16' : fits[i] ? 'int32' : 'float64')),
          );
        }),
      );
    },
  );

  it('keeps small whole numbers in Int16 storage, and larger ones in Int32, measure by measure', () => {
    const cube = new DayCube(2);
    cube.add(0, JULY_1, 1, 3);
    cube.add(0, JULY_1 + 1, 1, 4);
    cube.add(3, JULY_1, 0, -32_768);
    cube.add(4, JULY_1, 0, 32_767);
    expect(storages(cube)).toEqual(['int16', 'int16']);
    cube.add(4, JULY_1 + 2, 0, 1); // the month total goes past two bytes: totals are Float64
    expect(storages(cube)).toEqual(['int16', 'int16']);
    expect(sums(cube, 4, JULY_1, JULY_31)).toEqual([32_768, 0]);
    cube.add(4, JULY_1 + 2, 0, 32_767); // a day past two bytes: that measure only
    expect(storages(cube)).toEqual(['int32', 'int16']);
    expect([sums(cube, 4, JULY_1, JULY_31), sums(cube, 4, JULY_1 + 2, JULY_1 + 2)]).toEqual([
      [65_535, 0],
      [32_768, 0],
    ]);
    cube.add(1, JULY_1, 0, INT32_MAX);
    cube.add(2, JULY_1, 0, INT32_MIN);
    cube.add(2, JULY_1, 1, -32_768);
    expect(sums(cube, 0, JULY_1, JULY_31)).toEqual([0, 7]);
    expect(sums(cube, 2, JULY_1, JULY_31)).toEqual([INT32_MIN, -32_768]);
    expect(storages(cube)).toEqual(['int32', 'int16']);
    const { values } = cube as unknown as { values: unknown[] };
    expect(values[0]).toBeInstanceOf(Int32Array);
    expect(values[1]).toBeInstanceOf(Int16Array);
  });

  it.each([
    ['past Int32 max', INT32_MAX, 1, INT32_MAX + 1],
    ['past Int32 min', INT32_MIN, -1, INT32_MIN - 1],
    ['to a fraction', 7, 0.5, 7.5],
    ['to 30,000,000.00 yuan in fen', 0, 3_000_000_000, 3_000_000_000],
    ['to −30,000,000.00 yuan in fen', 0, -3_000_000_000, -3_000_000_000],
  ])(
    'turns a measure Float64 when its sum goes %s, exactly, and leaves the others',
    (_, start, step, expected) => {
      const cube = new DayCube(2);
      cube.add(0, JULY_1 + 1, 1, 11); // another bucket, which the promotion must keep
      if (start !== 0) cube.add(0, JULY_1, 0, start);
      expect(cube.storageOf(0)).toBe(Math.abs(start) > 32_767 ? 'int32' : 'int16');
      cube.add(0, JULY_1, 0, step);
      expect(storages(cube)).toEqual(['float64', 'int16']);
      expect(cube.dump()).toEqual(
        new Map([
          [`0:${JULY_1}`, [expected, 0]],
          [`0:${JULY_1 + 1}`, [0, 11]],
        ]),
      );
      expect(sums(cube, 0, JULY_1, JULY_31)).toEqual([expected, 11]);
      expect(sums(cube, 0, JULY_1, JULY_1)).toEqual([expected, 0]);
      // Float64 for good, and exact on the way back.
      cube.add(0, JULY_1, 0, -step);
      expect(storages(cube)).toEqual(['float64', 'int16']);
      expect(sums(cube, 0, JULY_1, JULY_31)).toEqual([start, 11]);
    },
  );

  it('keeps the days narrow when only the month total leaves Int32 (totals are Float64)', () => {
    const cube = new DayCube(1);
    cube.add(0, JULY_1, 0, INT32_MAX);
    cube.add(0, JULY_1 + 1, 0, 1);
    expect(cube.storageOf(0)).toBe('int32');
    expect(sums(cube, 0, JULY_1, JULY_31)).toEqual([INT32_MAX + 1]);
    expect(sums(cube, 0, JULY_1 + 1, JULY_31)).toEqual([1]);
  });

  it('sums a ragged range of days over the buckets it holds', () => {
    const cube = new DayCube(2);
    for (const at of [0, 3, 4, 17, 29, 30]) cube.addRow(0, JULY_1 + at, [at + 1, 0.5]);
    const expected = (from: number, to: number) => {
      const held = [0, 3, 4, 17, 29, 30].filter((at) => at >= from && at <= to);
      return [held.reduce((sum, at) => sum + at + 1, 0), held.length / 2];
    };
    for (const [from, to] of [
      [0, 30],
      [0, 0],
      [1, 2],
      [1, 3],
      [4, 17],
      [5, 28],
      [18, 30],
      [30, 30],
      [-5, 3],
      [29, 40],
    ] as const)
      expect(sums(cube, 0, JULY_1 + from, JULY_1 + to)).toEqual(expected(from, to));
  });

  it('promotes on a row or a bucket too, only the measures that need it', () => {
    const byRow = cubeOf(3, [5, INT32_MAX, 0]);
    byRow.addRow(0, JULY_1, [1, 1, 0.5]);
    expect(storages(byRow)).toEqual(['int16', 'float64', 'float64']);
    expect(sums(byRow, 0, JULY_1, JULY_31)).toEqual([6, INT32_MAX + 1, 0.5]);

    const byBucket = cubeOf(3, [5, INT32_MIN, 0]);
    const source = cubeOf(3, [1, -1, 0]);
    source.forEachDay((key, day, slot) => byBucket.addBucket(key, day, source, slot));
    expect(storages(byBucket)).toEqual(['int16', 'float64', 'int16']);
    expect(sums(byBucket, 0, JULY_1, JULY_31)).toEqual([6, INT32_MIN - 1, 0]);
  });

  it('adds pages and buckets between cubes of any storage', () => {
    const small = () => cubeOf(2, [3, 4]);
    const wide = () => cubeOf(2, [40_000, 4]);
    const large = () => cubeOf(2, [3_000_000_000, 0.5]);
    const cases = [
      [small, small, ['int16', 'int16'], [6, 8]],
      [small, wide, ['int32', 'int16'], [40_003, 8]],
      [wide, small, ['int32', 'int16'], [40_003, 8]],
      [wide, large, ['float64', 'float64'], [3_000_040_000, 4.5]],
      [small, large, ['float64', 'float64'], [3_000_000_003, 4.5]],
      [large, small, ['float64', 'float64'], [3_000_000_003, 4.5]],
      [large, large, ['float64', 'float64'], [6_000_000_000, 1]],
    ] as const;
    for (const [makeTarget, makeSource, storage, expected] of cases) {
      const source = makeSource();
      const byPage = makeTarget();
      source.forEachPage((key, month, page) => byPage.addPage(key, month, source, page));
      expect(storages(byPage)).toEqual(storage);
      expect(sums(byPage, 0, JULY_1, JULY_31)).toEqual(expected);
      expect(sums(byPage, 0, JULY_1, JULY_1)).toEqual(expected);

      const byBucket = makeTarget();
      source.forEachDay((key, day, slot) => byBucket.addBucket(key, day, source, slot));
      expect(storages(byBucket)).toEqual(storage);
      expect(byBucket.dump()).toEqual(byPage.dump());
      expect(sums(byBucket, 0, JULY_1, JULY_31)).toEqual(expected);
    }
  });

  it('promotes while adding a page that overflows a bucket in the middle of it', () => {
    const target = new DayCube(1);
    target.add(0, JULY_1, 0, 10);
    target.add(0, JULY_1 + 5, 0, INT32_MAX);
    const source = new DayCube(1);
    source.add(0, JULY_1, 0, 1);
    source.add(0, JULY_1 + 5, 0, 1);
    source.add(0, JULY_1 + 9, 0, -7);
    source.forEachPage((key, month, page) => target.addPage(key, month, source, page));
    expect(target.storageOf(0)).toBe('float64');
    expect(target.dump()).toEqual(
      new Map([
        [`0:${JULY_1}`, [11]],
        [`0:${JULY_1 + 5}`, [INT32_MAX + 1]],
        [`0:${JULY_1 + 9}`, [-7]],
      ]),
    );
    expect(sums(target, 0, JULY_1, JULY_31)).toEqual([11 + INT32_MAX + 1 - 7]);
  });

  it('refuses a page or a bucket of another width, or of itself, and a measure it has not', () => {
    const two = cubeOf(2, [1, 1]);
    const three = new DayCube(3);
    expect(() => two.forEachPage((key, month, page) => three.addPage(key, month, two, page))).toThrow(
      RangeError,
    );
    expect(() => two.forEachPage((key, month, page) => two.addPage(key, month, two, page))).toThrow(
      RangeError,
    );
    expect(() => two.forEachDay((key, day, slot) => three.addBucket(key, day, two, slot))).toThrow(
      RangeError,
    );
    expect(() => two.forEachDay((key, day, slot) => two.addBucket(key, day, two, slot))).toThrow(RangeError);
    expect(() => two.storageOf(2)).toThrow(RangeError);
  });
});
