import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntMap } from './int-map.ts';

type Op = { set: [number, number] } | { delete: number } | { compact: true };

/** Keys from a small range, so that sets, overwrites and deletes of present keys all happen. */
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.nat(300), fc.integer()).map((set) => ({ set })) },
  { weight: 3, arbitrary: fc.nat(300).map((key) => ({ delete: key })) },
  { weight: 1, arbitrary: fc.constant({ compact: true as const }) },
);

function entries(map: IntMap): [number, number][] {
  const all: [number, number][] = [];
  map.forEach((key, value) => {
    all.push([key, value]);
  });
  return all.sort((a, b) => a[0] - b[0]);
}

describe('IntMap', () => {
  it('behaves as a Map of numbers under any sets, deletes and compactions', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600 }), (ops) => {
        const map = new IntMap();
        const model = new Map<number, number>();
        for (const o of ops) {
          if ('set' in o) {
            map.set(...o.set);
            model.set(...o.set);
          } else if ('delete' in o) {
            map.delete(o.delete);
            model.delete(o.delete);
          } else map.compact();
        }
        expect(map.size).toBe(model.size);
        expect(entries(map)).toEqual([...model].sort((a, b) => a[0] - b[0]));
        for (let key = 0; key <= 300; key++) expect(map.get(key)).toBe(model.get(key));
      }),
    );
  });

  it('keeps its entries through growth and a compaction that shrinks it', () => {
    const map = new IntMap();
    for (let key = 0; key < 10_000; key += 3) map.set(key, key * 2);
    for (let key = 0; key < 10_000; key += 6) map.delete(key);
    map.compact();
    for (let key = 0; key < 10_000; key++)
      expect(map.get(key)).toBe(key % 3 === 0 && key % 6 !== 0 ? key * 2 : undefined);
  });

  it('refuses a key that is not a non-negative Int32', () => {
    const map = new IntMap();
    expect(() => map.set(-1, 0)).toThrow(RangeError);
    expect(() => map.set(1.5, 0)).toThrow(RangeError);
    expect(() => map.set(2 ** 31, 0)).toThrow(RangeError);
  });
});
