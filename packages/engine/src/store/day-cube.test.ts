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
        expect(compacted.storage).toBe(plain.storage);
        expect(compacted.dump()).toEqual(plain.dump());
        for (let key = 0; key <= 5; key++)
          expect(sums(compacted, key, 20_550, 20_650)).toEqual(sums(plain, key, 20_550, 20_650));
      }),
    );
  });

  it('holds the same as a plain accumulator whatever the deltas, as narrow as every value allows', () => {
    fc.assert(
      fc.property(fc.array(anyWrite, { maxLength: 300 }), fc.boolean(), (writes, byRow) => {
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
        // Int16 while every day's value was a whole number of two bytes, Int32 while of four,
        // else Float64 for good (month totals are Float64 beside them).
        let fits = true;
        let fits16 = true;
        const days = new Map<string, number>();
        for (const w of writes) {
          const at = `${w.key}:${w.day}:${w.measure}`;
          const total = (days.get(at) ?? 0) + w.delta;
          days.set(at, total);
          if ((total | 0) !== total) fits = false;
          if ((total << 16) >> 16 !== total) fits16 = false;
        }
        expect(cube.storage).toBe(fits16 ? 'int16' : fits ? 'int32' : 'float64');
      }),
    );
  });

  it('keeps small whole numbers in Int16 storage, and larger ones in Int32', () => {
    const cube = new DayCube(2);
    cube.add(0, JULY_1, 1, 3);
    cube.add(0, JULY_1 + 1, 1, 4);
    cube.add(3, JULY_1, 0, -32_768);
    cube.add(4, JULY_1, 0, 32_767);
    expect(cube.storage).toBe('int16');
    cube.add(4, JULY_1 + 2, 0, 1); // the month total goes past two bytes: totals are Float64
    expect(cube.storage).toBe('int16');
    expect(sums(cube, 4, JULY_1, JULY_31)).toEqual([32_768, 0]);
    cube.add(4, JULY_1 + 2, 0, 32_767); // a day past two bytes
    expect(cube.storage).toBe('int32');
    expect([sums(cube, 4, JULY_1, JULY_31), sums(cube, 4, JULY_1 + 2, JULY_1 + 2)]).toEqual([
      [65_535, 0],
      [32_768, 0],
    ]);
    cube.add(1, JULY_1, 0, INT32_MAX);
    cube.add(2, JULY_1, 0, INT32_MIN);
    expect(sums(cube, 0, JULY_1, JULY_31)).toEqual([0, 7]);
    expect(cube.storage).toBe('int32');
    expect((cube as unknown as { values: unknown }).values).toBeInstanceOf(Int32Array);
  });

  it.each([
    ['past Int32 max', INT32_MAX, 1, INT32_MAX + 1],
    ['past Int32 min', INT32_MIN, -1, INT32_MIN - 1],
    ['to a fraction', 7, 0.5, 7.5],
    ['to 30,000,000.00 yuan in fen', 0, 3_000_000_000, 3_000_000_000],
    ['to −30,000,000.00 yuan in fen', 0, -3_000_000_000, -3_000_000_000],
  ])('turns Float64 when a sum goes %s, exactly', (_, start, step, expected) => {
    const cube = new DayCube(2);
    cube.add(0, JULY_1 + 1, 1, 11); // another bucket, which the promotion must keep
    if (start !== 0) cube.add(0, JULY_1, 0, start);
    expect(cube.storage).toBe(Math.abs(start) > 32_767 ? 'int32' : 'int16');
    cube.add(0, JULY_1, 0, step);
    expect(cube.storage).toBe('float64');
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
    expect(cube.storage).toBe('float64');
    expect(sums(cube, 0, JULY_1, JULY_31)).toEqual([start, 11]);
  });

  it('keeps the days narrow when only the month total leaves Int32 (totals are Float64)', () => {
    const cube = new DayCube(1);
    cube.add(0, JULY_1, 0, INT32_MAX);
    cube.add(0, JULY_1 + 1, 0, 1);
    expect(cube.storage).toBe('int32');
    expect(sums(cube, 0, JULY_1, JULY_31)).toEqual([INT32_MAX + 1]);
    expect(sums(cube, 0, JULY_1 + 1, JULY_31)).toEqual([1]);
  });

  it('promotes on a row or a bucket too, keeping the other measures', () => {
    const byRow = cubeOf(3, [5, INT32_MAX, 0]);
    byRow.addRow(0, JULY_1, [1, 1, 0.5]);
    expect(byRow.storage).toBe('float64');
    expect(sums(byRow, 0, JULY_1, JULY_31)).toEqual([6, INT32_MAX + 1, 0.5]);

    const byBucket = cubeOf(3, [5, INT32_MIN, 0]);
    byBucket.addBucket(0, JULY_1, new Int32Array([1, -1, 0]), 0);
    expect(byBucket.storage).toBe('float64');
    expect(sums(byBucket, 0, JULY_1, JULY_31)).toEqual([6, INT32_MIN - 1, 0]);
  });

  it('adds pages and buckets between cubes of either storage', () => {
    const small = () => cubeOf(2, [3, 4]);
    const large = () => cubeOf(2, [3_000_000_000, 0.5]);
    const cases = [
      [small, small, 'int16', [6, 8]],
      [small, large, 'float64', [3_000_000_003, 4.5]],
      [large, small, 'float64', [3_000_000_003, 4.5]],
      [large, large, 'float64', [6_000_000_000, 1]],
    ] as const;
    for (const [makeTarget, makeSource, storage, expected] of cases) {
      const source = makeSource();
      const byPage = makeTarget();
      source.forEachPage((key, month, page) => byPage.addPage(key, month, source, page));
      expect(byPage.storage).toBe(storage);
      expect(sums(byPage, 0, JULY_1, JULY_31)).toEqual(expected);
      expect(sums(byPage, 0, JULY_1, JULY_1)).toEqual(expected);

      const byBucket = makeTarget();
      source.forEachDay((key, day, values, offset) => byBucket.addBucket(key, day, values, offset));
      expect(byBucket.storage).toBe(storage);
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
    expect(target.storage).toBe('float64');
    expect(target.dump()).toEqual(
      new Map([
        [`0:${JULY_1}`, [11]],
        [`0:${JULY_1 + 5}`, [INT32_MAX + 1]],
        [`0:${JULY_1 + 9}`, [-7]],
      ]),
    );
    expect(sums(target, 0, JULY_1, JULY_31)).toEqual([11 + INT32_MAX + 1 - 7]);
  });

  it('refuses a page of another width, or of itself', () => {
    const two = cubeOf(2, [1, 1]);
    const three = new DayCube(3);
    expect(() => two.forEachPage((key, month, page) => three.addPage(key, month, two, page))).toThrow(
      RangeError,
    );
    expect(() => two.forEachPage((key, month, page) => two.addPage(key, month, two, page))).toThrow(
      RangeError,
    );
  });
});
