import { describe, expect, it } from 'vitest';
import { Random } from './random.ts';

const draw = (random: Random, n: number) => Array.from({ length: n }, () => random.float());

describe('Random', () => {
  it('repeats for the same key, and forks into independent streams', () => {
    expect(draw(new Random('1'), 5)).toEqual(draw(new Random('1'), 5));
    expect(draw(new Random('1'), 5)).not.toEqual(draw(new Random('2'), 5));
    expect(draw(new Random('1').fork('orders'), 5)).toEqual(draw(new Random('1').fork('orders'), 5));
    expect(draw(new Random('1').fork('orders'), 5)).not.toEqual(draw(new Random('1').fork('payments'), 5));
  });

  it('draws within bounds, with the expected means', () => {
    const random = new Random('bounds');
    const ints = Array.from({ length: 10_000 }, () => random.int(3, 7));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(7);
    const floats = draw(random, 10_000);
    expect(floats.every((f) => f >= 0 && f < 1)).toBe(true);
    const poisson = Array.from({ length: 10_000 }, () => random.poisson(4));
    expect(poisson.reduce((a, b) => a + b, 0) / poisson.length).toBeCloseTo(4, 0);
    const picks = Array.from({ length: 10_000 }, () => random.weighted(['a', 'b'], [3, 1]));
    expect(picks.filter((p) => p === 'a').length / picks.length).toBeCloseTo(0.75, 1);
  });

  it('shuffles without losing or duplicating items', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(new Random('s').shuffle(items).sort((a, b) => a - b)).toEqual(items);
  });
});
