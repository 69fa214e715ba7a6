import { describe, expect, it } from 'vitest';
import { findCycles, rootsOf } from './hierarchy.ts';

describe('unit and manager trees', () => {
  it('finds roots', () => {
    expect(
      rootsOf(
        new Map([
          ['a', null],
          ['b', 'a'],
          ['c', null],
        ]),
      ),
    ).toEqual(['a', 'c']);
  });

  it('finds each cycle once, ignoring chains that end at a missing parent', () => {
    const parents = new Map<string, string | null>([
      ['root', null],
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['d', 'a'],
      ['self', 'self'],
      ['orphan', 'missing'],
      ['ok', 'root'],
    ]);
    expect(findCycles(parents)).toEqual([['a', 'b', 'c'], ['self']]);
    expect(findCycles(new Map([['x', null]]))).toEqual([]);
  });
});
