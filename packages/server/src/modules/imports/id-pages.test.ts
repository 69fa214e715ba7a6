import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoredIds } from './id-pages.ts';
import { COMPLETE_IDS_UP_TO, completeIdsFor } from './stored-facts.ts';

/** Pages of `size` ids as the database hands them over: JSON array texts. */
const pagesOf = (ids: readonly string[], size: number) => {
  const pages: string[] = [];
  for (let i = 0; i < ids.length; i += size) pages.push(JSON.stringify(ids.slice(i, i + size)));
  return pages;
};

describe('StoredIds', () => {
  // The database's order may not be JavaScript's (a collation such as en_US, or none at all):
  // whatever the order, an id is found exactly when it is stored or was added.
  it('answers as a set would, in any order of the pages, with ids added later', () => {
    const id = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.integer({ min: 0, max: 999 }).map((n) => `O${String(n).padStart(6, '0')}`),
      fc.constantFrom('客户A', '客户b', 'Zeta', 'alpha', 'É', '😀x', '\uffff'),
    );
    const order = fc.constantFrom<'js' | 'locale' | 'none'>('js', 'locale', 'none');
    fc.assert(
      fc.property(
        fc.uniqueArray(id),
        order,
        fc.integer({ min: 1, max: 5 }),
        fc.array(id),
        fc.array(id),
        (stored, how, pageSize, added, asked) => {
          const ids =
            how === 'js'
              ? [...stored].sort()
              : how === 'locale'
                ? [...stored].sort((a, b) => a.localeCompare(b, 'en'))
                : stored;
          const lookup = new StoredIds(pagesOf(ids, pageSize));
          const model = new Set(stored);
          for (const a of added) {
            lookup.add(a);
            model.add(a);
          }
          for (const a of [...asked, ...stored, ...added]) expect(lookup.has(a)).toBe(model.has(a));
        },
      ),
    );
  });

  it('reads no pages as no ids', () => {
    expect(new StoredIds([]).has('')).toBe(false);
    expect(new StoredIds(['[]']).has('x')).toBe(false);
  });
});

describe('completeIdsFor', () => {
  it('loads a table whole only when it is not many times larger than the file can name', () => {
    expect(completeIdsFor(undefined)).toBe(COMPLETE_IDS_UP_TO);
    // 111 KB of order credits (4,832 rows): 50,000 stored orders are asked about, not loaded.
    expect(completeIdsFor(111_158)).toBeLessThan(50_000);
    // 1.4 MB of payments: the same orders are loaded whole.
    expect(completeIdsFor(1_459_743)).toBeGreaterThan(50_000);
    // Small tables are always loaded; never more than the cap.
    expect(completeIdsFor(10)).toBe(10_000);
    expect(completeIdsFor(1e9)).toBe(COMPLETE_IDS_UP_TO);
    expect(completeIdsFor(1e9, 0)).toBe(0);
  });
});
