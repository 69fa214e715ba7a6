import { describe, expect, it } from 'vitest';
import { bitOf, doubled, resized, withHeadroom } from './capacity.ts';

describe('capacity', () => {
  it('doubles a length until it reaches the one needed, at least once', () => {
    expect([doubled(1024, 1025), doubled(1024, 5000), doubled(1024, 10), doubled(0, 3)]).toEqual([
      2048, 8192, 2048, 4,
    ]);
  });

  it('keeps an eighth as headroom, and at least the minimum', () => {
    expect([withHeadroom(0, 16), withHeadroom(800, 16), withHeadroom(800, 1024)]).toEqual([16, 916, 1924]);
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
