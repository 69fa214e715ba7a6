import { describe, expect, it } from 'vitest';
import { bitOf, grown, resized, withHeadroom } from './capacity.ts';

describe('capacity', () => {
  it('doubles a small length, grows a large one by a quarter, until it reaches the one needed, at least once', () => {
    expect([grown(1024, 1025), grown(1024, 5000), grown(1024, 10), grown(0, 3)]).toEqual([
      2048, 8192, 2048, 4,
    ]);
    const million = 1 << 20;
    expect([grown(million, million + 1), grown(million, 2 * million)]).toEqual([1_310_720, 2_560_000]);
    expect(grown(million / 2, million + 1)).toBe(1_310_720); // doubled to a million, then a quarter
  });

  it('keeps a thirty-second as headroom, and at least the minimum', () => {
    expect([withHeadroom(0, 16), withHeadroom(3200, 16), withHeadroom(3200, 1024)]).toEqual([16, 3316, 4324]);
  });

  it('resizes into the same class, keeping the first cells and filling the new ones', () => {
    const grown = resized(new Int16Array([1, -2, 3]), 5, -1);
    expect([grown instanceof Int16Array, Array.from(grown)]).toEqual([true, [1, -2, 3, -1, -1]]);
    const shrunk = resized(new Float64Array([0.5, 2, 3]), 2);
    expect([shrunk instanceof Float64Array, Array.from(shrunk)]).toEqual([true, [0.5, 2]]);
  });

  it('reads bit i of 32-bit words', () => {
    const words = new Int32Array([0b101, 1 << 31]);
    expect([0, 1, 2, 31, 32, 63].map((i) => bitOf(words, i))).toEqual([1, 0, 1, 0, 0, 1]);
  });
});
