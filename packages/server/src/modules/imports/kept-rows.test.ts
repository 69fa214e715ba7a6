import { describe, expect, it } from 'vitest';
import { estimatedBytes, KeptRows } from './kept-rows.ts';

describe('rows kept between the passes', () => {
  const row = { id: 'O1', date: '2026-01-05', amount: 123450, cost: null };

  it('keeps rows in order up to the row bound, then lets them all go', () => {
    const kept = new KeptRows({ rows: 2, bytes: 1e9 });
    kept.add(row);
    kept.add({ ...row, id: 'O2' });
    expect(kept.rows?.map((r) => r.id)).toEqual(['O1', 'O2']);
    kept.add({ ...row, id: 'O3' });
    expect(kept.rows).toBeNull();
    kept.add(row);
    expect(kept.rows).toBeNull();
  });

  it('lets them go past the byte bound, and on drop', () => {
    const bytes = estimatedBytes(row);
    expect(bytes).toBeGreaterThan(64);
    const bounded = new KeptRows({ rows: 100, bytes: bytes * 2 });
    bounded.add(row);
    bounded.add(row);
    expect(bounded.rows).toHaveLength(2);
    bounded.add(row);
    expect(bounded.rows).toBeNull();
    const dropped = new KeptRows();
    dropped.add(row);
    dropped.drop();
    expect(dropped.rows).toBeNull();
  });
});
