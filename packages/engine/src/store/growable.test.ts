import { describe, expect, it } from 'vitest';
import { int32Column } from './growable.ts';

describe('columns', () => {
  it('grows a column and reads the fill value past the end', () => {
    const column = int32Column(-1);
    column.set(5000, 7);
    expect([column.get(5000), column.get(4999), column.get(1_000_000)]).toEqual([7, -1, -1]);
  });

  it('gives back spare capacity and keeps every value', () => {
    const column = int32Column(-1);
    for (let i = 0; i < 3000; i++) column.set(i, i * 2);
    expect(column.raw().length).toBe(4096);
    column.compact();
    expect(column.raw().length).toBe(3000);
    expect([column.get(0), column.get(2999), column.get(3000)]).toEqual([0, 5998, -1]);
    column.add(5000, 5);
    expect([column.get(2999), column.get(4000), column.get(5000)]).toEqual([5998, -1, 4]);
  });
});
