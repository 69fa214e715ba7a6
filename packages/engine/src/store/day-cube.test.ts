import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DayCube, type MeasureKind } from './day-cube.ts';

const write = fc.record({
  key: fc.integer({ min: 0, max: 5 }),
  day: fc.integer({ min: 20_000, max: 20_800 }),
  measure: fc.integer({ min: 0, max: 2 }),
  delta: fc.integer({ min: -1000, max: 1000 }),
});

describe('DayCube', () => {
  it.each<MeasureKind>(['float64', 'int32'])(
    'answers the same after giving back its spare capacity, and keeps growing (%s)',
    (kind) => {
      fc.assert(
        fc.property(fc.array(write, { maxLength: 400 }), fc.nat(), (writes, cut) => {
          const plain = new DayCube(3, kind);
          const compacted = new DayCube(3, kind);
          const at = writes.length === 0 ? 0 : cut % writes.length;
          writes.forEach((w, i) => {
            if (i === at) compacted.compact();
            plain.add(w.key, w.day, w.measure, w.delta);
            compacted.add(w.key, w.day, w.measure, w.delta);
          });
          compacted.compact();
          expect(compacted.dump()).toEqual(plain.dump());
          for (let key = 0; key <= 5; key++) {
            const a = new Float64Array(3);
            const b = new Float64Array(3);
            plain.sumInto(key, 20_100, 20_500, a);
            compacted.sumInto(key, 20_100, 20_500, b);
            expect(Array.from(b)).toEqual(Array.from(a));
          }
        }),
      );
    },
  );

  it('keeps counts in an Int32Array and refuses to mix kinds page by page', () => {
    const counts = new DayCube(2, 'int32');
    counts.add(0, 20_000, 1, 3);
    counts.add(0, 20_001, 1, 4);
    const out = new Float64Array(2);
    counts.sumInto(0, 20_000, 20_031, out);
    expect(Array.from(out)).toEqual([0, 7]);
    expect((counts as unknown as { values: unknown }).values).toBeInstanceOf(Int32Array);
    const money = new DayCube(2);
    expect(() => counts.forEachPage((key, month, page) => money.addPage(key, month, counts, page))).toThrow(
      RangeError,
    );
  });
});
