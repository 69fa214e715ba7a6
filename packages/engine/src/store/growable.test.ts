import { describe, expect, it } from 'vitest';
import { int32Column } from './growable.ts';

describe('columns', () => {
  it('grows a column and reads the fill value past the end', () => {
    const column = int32Column(-1);
    column.set(5000, 7);
    expect([column.get(5000), column.get(4999), column.get(1_000_000)]).toEqual([7, -1, -1]);
  });
});
