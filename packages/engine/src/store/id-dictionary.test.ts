import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdDictionary } from './id-dictionary.ts';

describe('IdDictionary', () => {
  it('gives dense indices in first-seen order and finds them again', () => {
    const dictionary = new IdDictionary(3);
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

  it('keeps Chinese, empty, long and look-alike ids apart', () => {
    const dictionary = new IdDictionary();
    const ids = ['', '客户-上海-001', '客户-上海-002', 'a', 'A', 'a '.repeat(100), '😀', 'é', 'e\u0301'];
    const indices = ids.map((id) => dictionary.intern(id));
    expect(indices).toEqual(ids.map((_, i) => i));
    expect(ids.map((id) => dictionary.find(id))).toEqual(indices);
    expect(indices.map((i) => dictionary.name(i))).toEqual(ids);
  });

  it('survives growth to a million ids', () => {
    const dictionary = new IdDictionary();
    const n = 1_000_000;
    for (let i = 0; i < n; i++) dictionary.intern(`O${i}`);
    expect(dictionary.size).toBe(n);
    for (let i = 0; i < n; i += 9973) expect(dictionary.find(`O${i}`)).toBe(i);
    expect(dictionary.name(n - 1)).toBe(`O${n - 1}`);
    expect(dictionary.find(`O${n}`)).toBe(-1);
  });

  it('behaves like a Map from id to first-seen index', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 300 }), (names) => {
        const dictionary = new IdDictionary(1);
        const model = new Map<string, number>();
        for (const name of names) {
          if (!model.has(name)) model.set(name, model.size);
          expect(dictionary.intern(name)).toBe(model.get(name));
        }
        expect(dictionary.size).toBe(model.size);
        for (const [name, index] of model) {
          expect(dictionary.find(name)).toBe(index);
          expect(dictionary.name(index)).toBe(name);
        }
      }),
    );
  });

  it('keeps working after giving back its spare capacity', () => {
    const dictionary = new IdDictionary();
    for (let i = 0; i < 5000; i++) dictionary.intern(`客户${i}`);
    const before = dictionary.byteLength;
    dictionary.compact();
    expect(dictionary.byteLength).toBeLessThan(before);
    expect([dictionary.find('客户0'), dictionary.find('客户4999'), dictionary.name(1234)]).toEqual([
      0,
      4999,
      '客户1234',
    ]);
    for (let i = 5000; i < 6000; i++) expect(dictionary.intern(`客户${i}`)).toBe(i);
    expect([dictionary.size, dictionary.name(5999), dictionary.find('客户17')]).toEqual([
      6000,
      '客户5999',
      17,
    ]);
  });

  it('keeps ids of one length without offsets, and switches when another length comes', () => {
    const dictionary = new IdDictionary();
    const fixed = Array.from({ length: 3000 }, (_, i) => `O${String(i).padStart(9, '0')}`);
    for (const id of fixed) dictionary.intern(id);
    dictionary.compact();
    const mixed = new IdDictionary();
    for (const [i, id] of fixed.entries()) mixed.intern(i % 2 ? `${id}!` : id.slice(1));
    mixed.compact();
    expect(mixed.byteLength - dictionary.byteLength).toBeGreaterThanOrEqual(4 * 3000);
    expect([dictionary.intern('X'), dictionary.intern(''), dictionary.intern('客户-001')]).toEqual([
      3000, 3001, 3002,
    ]);
    for (const [i, id] of fixed.entries()) {
      expect(dictionary.find(id)).toBe(i);
      expect(dictionary.name(i)).toBe(id);
    }
    expect([dictionary.name(3000), dictionary.name(3001), dictionary.name(3002)]).toEqual([
      'X',
      '',
      '客户-001',
    ]);
    expect(dictionary.intern(fixed[42]!)).toBe(42);
  });

  it('behaves like a Map for numbered ids mixed with ids of other shapes', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
    const numbered = fc.oneof(
      { weight: 8, arbitrary: digits(9).map((d) => `O${d}`) },
      { weight: 4, arbitrary: digits(13).map((d) => `DD${d}`) },
      { weight: 1, arbitrary: fc.constantFrom('O12', 'O0000000001', 'P000000001', 'O00000000x', '') },
    );
    fc.assert(
      fc.property(fc.array(numbered, { maxLength: 200 }), fc.nat(), (names, cut) => {
        const dictionary = new IdDictionary(1);
        const model = new Map<string, number>();
        names.forEach((name, i) => {
          if (i === cut % (names.length + 1)) dictionary.compact();
          if (!model.has(name)) model.set(name, model.size);
          expect(dictionary.intern(name)).toBe(model.get(name));
        });
        expect(dictionary.size).toBe(model.size);
        for (const [name, index] of model) {
          expect(dictionary.find(name)).toBe(index);
          expect(dictionary.name(index)).toBe(name);
        }
        expect(dictionary.find('O99999999999')).toBe(model.get('O99999999999') ?? -1);
      }),
    );
  });

  it('holds ids of the first numbered shape as numbers, 4 bytes each up to nine digits, and others beside', () => {
    const dictionary = new IdDictionary();
    const ids = Array.from({ length: 20_000 }, (_, i) => `A${String(i * 7919).padStart(9, '0')}`);
    for (const id of ids) dictionary.intern(id);
    dictionary.compact();
    // Increasing, but 7,919 apart: a block of the run spans at most 65,535, so the run ends in
    // its first block and the rest are numbers in the tail, found through the table.
    expect(dictionary.sortedRun).toBe(9);
    const table = 32_768 * 4;
    const numbers = 20_000 * 4.6 + 4096;
    expect(dictionary.byteLength - table).toBeLessThan(numbers);
    expect([dictionary.find(ids[777]!), dictionary.name(19_999), dictionary.find('A000000001')]).toEqual([
      777,
      ids[19_999],
      -1,
    ]);
    // Ids of another shape go beside the numbers: the numbered ones stay numbers.
    expect([dictionary.intern('A-1'), dictionary.intern(ids[5]!), dictionary.intern('A-2')]).toEqual([
      20_000, 5, 20_001,
    ]);
    expect(dictionary.byteLength - table).toBeLessThan(numbers + 8192);
    expect([dictionary.find(ids[777]!), dictionary.find('A-2'), dictionary.find('A-3')]).toEqual([
      777, 20_001, -1,
    ]);
    expect([dictionary.name(19_999), dictionary.name(20_000), dictionary.name(20_001)]).toEqual([
      ids[19_999],
      'A-1',
      'A-2',
    ]);
  });

  it('keeps ids that come in increasing order in a sorted run, with no hash table entry', () => {
    const dictionary = new IdDictionary();
    const n = 100_000;
    const id = (i: number) => `O${String(i * 3).padStart(9, '0')}`;
    for (let i = 0; i < n; i++) expect(dictionary.intern(id(i))).toBe(i);
    dictionary.compact();
    expect(dictionary.sortedRun).toBe(n);
    // Two bytes per id (its distance from its block's first) and headroom; no table.
    expect(dictionary.byteLength).toBeLessThan(n * 2.6 + 4096);
    expect([dictionary.find(id(0)), dictionary.find(id(n - 1)), dictionary.find(id(77_777))]).toEqual([
      0,
      n - 1,
      77_777,
    ]);
    // Between two ids of the run, before the first, after the last: not there.
    expect([dictionary.find('O000000001'), dictionary.find('O000000000x'), dictionary.find(id(n))]).toEqual([
      -1, -1, -1,
    ]);
    // An id out of order ends the run for good; every later new id goes to the table.
    expect(dictionary.intern('O000000001')).toBe(n);
    expect(dictionary.intern(id(n))).toBe(n + 1);
    expect(dictionary.sortedRun).toBe(n);
    expect([dictionary.find('O000000001'), dictionary.find(id(n)), dictionary.intern(id(5))]).toEqual([
      n,
      n + 1,
      5,
    ]);
  });

  it('keeps no number at all for a block of 64 consecutive ids', () => {
    const dictionary = new IdDictionary();
    const n = 64_000;
    for (let i = 0; i < n; i++) dictionary.intern(`A${String(i + 7).padStart(9, '0')}`);
    dictionary.compact();
    expect(dictionary.sortedRun).toBe(n);
    expect(dictionary.byteLength).toBeLessThan(n * 0.3 + 4096);
    expect([
      dictionary.find('A000000007'),
      dictionary.find('A000064006'),
      dictionary.find('A000064007'),
    ]).toEqual([0, n - 1, -1]);
    expect([dictionary.name(0), dictionary.name(12_345), dictionary.find('A000000006')]).toEqual([
      'A000000007',
      'A000012352',
      -1,
    ]);
  });

  it('behaves like a Map when a sorted run of ids is followed by ids in any order', () => {
    // UTF-8 byte order is code point order.
    const before = (a: string, b: string) => {
      const [x, y] = [[...a], [...b]].map((s) => s.map((c) => c.codePointAt(0)!));
      for (let i = 0; i < Math.min(x!.length, y!.length); i++) if (x![i] !== y![i]) return x![i]! - y![i]!;
      return x!.length - y!.length;
    };
    const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
    const shapes = [
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.oneof(
        digits(9).map((d) => `O${d}`),
        digits(12).map((d) => `DD${d}`),
        fc.constant('O-1'),
      ),
    ];
    for (const shape of shapes) {
      fc.assert(
        fc.property(
          fc.uniqueArray(shape, { maxLength: 150 }),
          fc.array(shape, { maxLength: 100 }),
          fc.boolean(),
          (run, rest, numbers) => {
            const sorted = [...run].sort(before);
            const dictionary = new IdDictionary(1, numbers);
            const model = new Map<string, number>();
            for (const name of [...sorted, ...rest, ...sorted]) {
              if (!model.has(name)) model.set(name, model.size);
              expect(dictionary.intern(name)).toBe(model.get(name));
            }
            for (const [name, index] of model) {
              expect(dictionary.find(name)).toBe(index);
              expect(dictionary.name(index)).toBe(name);
            }
            // Ids kept as bytes: all of the run found without the table.
            if (!numbers) expect(dictionary.sortedRun).toBeGreaterThanOrEqual(sorted.length);
          },
        ),
      );
    }
  });

  it('keeps numbered ids counting up with gaps in the run, then any ids after it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['O', 9], ['DD', 13], ['X', 15]),
        fc.integer({ min: 0, max: 10 ** 8 }),
        fc.array(fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 2000 })), { maxLength: 300 }),
        fc.array(fc.integer({ min: 0, max: 10 ** 8 + 300 * 2000 }), { maxLength: 60 }),
        (shape, start, gaps, later) => {
          const [prefix, digits] = shape as [string, number];
          const id = (n: number) => `${prefix}${String(n).padStart(digits, '0')}`;
          const run: string[] = [];
          let n = start * 1000 + 999_999_999; // beyond nine digits for the longer shapes
          if (digits === 9) n = start;
          for (const gap of gaps) {
            n += gap;
            run.push(id(n));
          }
          const dictionary = new IdDictionary();
          const model = new Map<string, number>();
          for (const name of [...run, ...later.map(id), 'O-1', ...run.slice(0, 5)]) {
            if (!model.has(name)) model.set(name, model.size);
            expect(dictionary.intern(name)).toBe(model.get(name));
          }
          // A block of 64 spans at most 65,535: gaps of up to 2,000 may end the run early.
          const fits = gaps.every(
            (_, i) =>
              i % 64 === 0 || gaps.slice(i - (i % 64) + 1, i + 1).reduce((a, b) => a + b, 0) <= 0xffff,
          );
          if (fits) expect(dictionary.sortedRun).toBeGreaterThanOrEqual(run.length);
          dictionary.compact();
          for (const [name, index] of model) {
            expect(dictionary.find(name)).toBe(index);
            expect(dictionary.name(index)).toBe(name);
          }
          expect(dictionary.find(id(n + 1))).toBe(model.get(id(n + 1)) ?? -1);
        },
      ),
    );
  });
});
