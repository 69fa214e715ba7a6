import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthOfDay, monthStartDay } from './calendar-math.ts';
import { DayCube, type MeasureStorage } from './day-cube.ts';

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

/** Months from July 2024 (offsets −120 to 47), in clusters with gaps between them. */
const JULY_2024 = monthOfDay(JULY_1) - 24;
const monthOffset = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 1 }) },
  { weight: 2, arbitrary: fc.integer({ min: 2, max: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 12 }) },
  { weight: 2, arbitrary: fc.integer({ min: 30, max: 47 }) },
  { weight: 1, arbitrary: fc.constantFrom(-120, -1) },
);
/**
 * A write to any month, in any order, now and then after a compaction: measure 0 counts whose
 * month totals pass two bytes sooner than their days, measure 1 fen whose month totals pass four
 * sooner than their days, measure 2 anything (beyond Int32, fractions).
 */
const datedWrite = fc.integer({ min: 0, max: 2 }).chain((measure) =>
  fc.record({
    key: fc.integer({ min: 0, max: 4 }),
    day: fc
      .tuple(monthOffset, fc.integer({ min: 0, max: 30 }))
      .map(([offset, at]) =>
        Math.min(monthStartDay(JULY_2024 + offset) + at, monthStartDay(JULY_2024 + offset + 1) - 1),
      ),
    measure: fc.constant(measure),
    delta: [
      fc.integer({ min: -2000, max: 12_000 }),
      fc.integer({ min: -100_000_000, max: 900_000_000 }),
      delta,
    ][measure]!,
    byRow: fc.boolean(),
    compactFirst: fc.nat({ max: 9 }).map((n) => n === 0),
  }),
);

type Write = { key: number; day: number; measure: number; delta: number };

/**
 * Per measure, the narrowest storage that held every value a bucket of it had along the way
 * (storage widens one way): `bucket` names the bucket a write goes to.
 */
function narrowest(writes: readonly Write[], bucket: (w: Write) => string, width: number): MeasureStorage[] {
  const held = new Map<string, number>();
  const result: MeasureStorage[] = Array.from({ length: width }, () => 'int16');
  for (const w of writes) {
    if (w.delta === 0) continue;
    const at = `${bucket(w)}:${w.measure}`;
    const value = (held.get(at) ?? 0) + w.delta;
    held.set(at, value);
    if ((value | 0) !== value) result[w.measure] = 'float64';
    else if ((value << 16) >> 16 !== value && result[w.measure] === 'int16') result[w.measure] = 'int32';
  }
  return result;
}

/** Every (key, month) that `visit` is called with, in order. */
function pagesOf(cube: DayCube): [number, number][] {
  const visited: [number, number][] = [];
  cube.forEachPage((key, month) => visited.push([key, month]));
  return visited;
}

/** What each measure of a cube is held in: its days, its month totals. */
const storages = (cube: DayCube) => Array.from({ length: cube.width }, (_, i) => cube.storageOf(i));
const totalStorages = (cube: DayCube) => Array.from({ length: cube.width }, (_, i) => cube.totalStorageOf(i));

function sums(cube: DayCube, key: number, from: number, to: number): number[] {
  const out = new Float64Array(cube.width);
  cube.sumInto(key, from, to, out);
  return Array.from(out);
}

/** The plain model's sum of three measures of `key` over [from, to] (reference: "key:day" → row). */
function modelSum(reference: ReadonlyMap<string, number[]>, key: number, from: number, to: number): number[] {
  const expected = [0, 0, 0];
  for (const [at, row] of reference) {
    const [k, day] = at.split(':').map(Number) as [number, number];
    if (k !== key || day < from || day > to) continue;
    for (let i = 0; i < 3; i++) expected[i]! += row[i]!;
  }
  return expected;
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
      fc.property(fc.array(arbitrary, { maxLength: 400, size: 'max' }), fc.nat(), (writes, cut) => {
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
        fc.property(fc.array(arbitrary, { maxLength: 300, size: 'max' }), fc.boolean(), (writes, byRow) => {
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
              expect(sums(cube, key, from, to)).toEqual(modelSum(reference, key, from, to));
            }
          // Per measure: Int16 while every day's value of it was a whole number of two bytes, Int32
          // while of four, else Float64 for good (month totals: see the test of months in any order).
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

  it('finds every month of every key whatever order the months come in, across compactions', () => {
    fc.assert(
      fc.property(fc.array(datedWrite, { maxLength: 300, size: 'max' }), (writes) => {
        const cube = new DayCube(3);
        const reference = new Map<string, number[]>();
        const months = new Set<string>();
        for (const w of writes) {
          if (w.compactFirst) cube.compact();
          if (w.byRow) {
            const row = [0, 0, 0];
            row[w.measure] = w.delta;
            cube.addRow(w.key, w.day, row);
          } else cube.add(w.key, w.day, w.measure, w.delta);
          if (w.delta === 0) continue;
          const at = `${w.key}:${w.day}`;
          const held = reference.get(at) ?? [0, 0, 0];
          held[w.measure]! += w.delta;
          reference.set(at, held);
          months.add(`${w.key}:${monthOfDay(w.day)}`);
        }
        // A page for every (key, month) written, visited once, by key then month.
        const expectedPages = [...months]
          .map((at) => at.split(':').map(Number) as [number, number])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(pagesOf(cube)).toEqual(expectedPages);
        cube.forEachPage((_, month, page) =>
          cube.forEachDayOf(page, monthStartDay(month), (day) => expect(monthOfDay(day)).toBe(month)),
        );
        for (const [at, row] of reference) if (row.every((v) => v === 0)) reference.delete(at);
        expect(cube.dump()).toEqual(reference);
        const start = (offset: number) => monthStartDay(JULY_2024 + offset);
        const ranges = [
          [-Infinity, Infinity],
          [start(2) + 5, start(35) + 3],
          [start(-200), start(0) + 9], // from long before the first month
          [start(5), start(9) - 1], // a gap
          [start(11), start(11)],
          [start(40) - 1, start(60)], // to long after the last
        ] as const;
        for (let key = 0; key <= 5; key++)
          for (const [from, to] of ranges) {
            expect(sums(cube, key, from, to)).toEqual(modelSum(reference, key, from, to));
          }
        expect(storages(cube)).toEqual(narrowest(writes, (w) => `${w.key}:${w.day}`, 3));
        expect(totalStorages(cube)).toEqual(narrowest(writes, (w) => `${w.key}:${monthOfDay(w.day)}`, 3));
        // Page by page into another cube, whose months then come in order.
        const copy = new DayCube(3);
        cube.forEachPage((key, month, page) => copy.addPage(key, month, cube, page));
        expect(copy.dump()).toEqual(reference);
        for (let key = 0; key <= 4; key++)
          expect(sums(copy, key, start(1), start(40))).toEqual(sums(cube, key, start(1), start(40)));
      }),
    );
  });

  it("moves a key's months before its first, past its last, into gaps, and compacts them", () => {
    const cube = new DayCube(1);
    const start = (offset: number) => monthStartDay(JULY_2024 + offset);
    const arrivals = [5, 3, 9, 7, -20, 40, 6, 8, 4, 60];
    arrivals.forEach((offset, i) => {
      cube.add(1, start(offset) + 2, 0, 100 + offset);
      if (i % 3 === 2) cube.compact();
    });
    cube.add(0, start(0), 0, 1);
    cube.add(2, start(0) - 1, 0, 2); // June 30th
    const ordered = [...arrivals].sort((a, b) => a - b);
    expect(pagesOf(cube)).toEqual([
      [0, JULY_2024],
      ...ordered.map((offset) => [1, JULY_2024 + offset]),
      [2, JULY_2024 - 1],
    ]);
    for (const offset of arrivals)
      expect(sums(cube, 1, start(offset), start(offset + 1) - 1)).toEqual([100 + offset]);
    const all = arrivals.reduce((sum, offset) => sum + 100 + offset, 0);
    expect(sums(cube, 1, -Infinity, Infinity)).toEqual([all]);
    expect(sums(cube, 1, start(10), start(40) - 1)).toEqual([0]); // the gap
    expect(sums(cube, 1, start(-30), start(-20) + 1)).toEqual([0]); // before the first day
    expect(sums(cube, 1, start(-30), start(-20) + 2)).toEqual([80]);
    expect(sums(cube, 2, start(-1), start(0))).toEqual([2]);
    expect(sums(cube, 3, -Infinity, Infinity)).toEqual([0]);
    // Compacted, the month index holds each key's months from its first to its last, no more.
    cube.compact();
    const { months } = cube as unknown as { months: { used: number } };
    expect(months.used).toBe(1 + (60 + 20 + 1) + 1);
    cube.add(1, start(61), 0, 1);
    expect(sums(cube, 1, start(60), start(62))).toEqual([161]);
  });

  it('keeps small whole numbers in Int16 storage, and larger ones in Int32, measure by measure', () => {
    const cube = new DayCube(2);
    cube.add(0, JULY_1, 1, 3);
    cube.add(0, JULY_1 + 1, 1, 4);
    cube.add(3, JULY_1, 0, -32_768);
    cube.add(4, JULY_1, 0, 32_767);
    expect(storages(cube)).toEqual(['int16', 'int16']);
    expect(totalStorages(cube)).toEqual(['int16', 'int16']);
    cube.add(4, JULY_1 + 2, 0, 1); // the month total goes past two bytes, not the days
    expect(storages(cube)).toEqual(['int16', 'int16']);
    expect(totalStorages(cube)).toEqual(['int32', 'int16']);
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
    expect(totalStorages(cube)).toEqual(['int32', 'int16']);
    const { values, totals } = cube as unknown as { values: unknown[]; totals: unknown[] };
    expect(values[0]).toBeInstanceOf(Int32Array);
    expect(values[1]).toBeInstanceOf(Int16Array);
    expect(totals[0]).toBeInstanceOf(Int32Array);
    expect(totals[1]).toBeInstanceOf(Int16Array);
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
      expect(totalStorages(cube)).toEqual(['float64', 'int16']);
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

  it('keeps the days narrow when only the month total leaves Int32, and the other totals too', () => {
    const cube = new DayCube(2);
    cube.add(0, JULY_1, 0, INT32_MAX);
    cube.add(0, JULY_1, 1, 3);
    cube.add(0, JULY_1 + 1, 0, 1);
    expect(storages(cube)).toEqual(['int32', 'int16']);
    expect(totalStorages(cube)).toEqual(['float64', 'int16']);
    expect(sums(cube, 0, JULY_1, JULY_31)).toEqual([INT32_MAX + 1, 3]);
    expect(sums(cube, 0, JULY_1 + 1, JULY_31)).toEqual([1, 0]);
    // Widths survive compaction, and stay one way on the way back.
    cube.compact();
    cube.add(0, JULY_1 + 1, 0, -1);
    expect(storages(cube)).toEqual(['int32', 'int16']);
    expect(totalStorages(cube)).toEqual(['float64', 'int16']);
    expect(sums(cube, 0, JULY_1, JULY_31)).toEqual([INT32_MAX, 3]);
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
      expect(totalStorages(byPage)).toEqual(storage); // one day: its month's total is the same number
      expect(sums(byPage, 0, JULY_1, JULY_31)).toEqual(expected);
      expect(sums(byPage, 0, JULY_1, JULY_1)).toEqual(expected);

      const byBucket = makeTarget();
      source.forEachDay((key, day, slot) => byBucket.addBucket(key, day, source, slot));
      expect(storages(byBucket)).toEqual(storage);
      expect(totalStorages(byBucket)).toEqual(storage);
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
    expect(() => two.totalStorageOf(2)).toThrow(RangeError);
  });
});
