import { describe, expect, it } from 'vitest';
import { Dictionary, int32Column } from './growable.ts';

describe('columns and dictionaries', () => {
  it('grows a column and reads the fill value past the end', () => {
    const column = int32Column(-1);
    column.set(5000, 7);
    expect([column.get(5000), column.get(4999), column.get(1_000_000)]).toEqual([7, -1, -1]);
  });

  it('keeps dense indices across shards', () => {
    const dictionary = new Dictionary(3);
    const ids = Array.from({ length: 10 }, (_, i) => `id${i}`);
    expect(ids.map((id) => dictionary.intern(id))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ids.map((id) => dictionary.intern(id))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([dictionary.find('id7'), dictionary.find('nope'), dictionary.name(8), dictionary.size]).toEqual([
      7,
      -1,
      'id8',
      10,
    ]);
  });
});
