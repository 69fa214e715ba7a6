import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeDb, type TestDb } from '../../../test/db.ts';
import { importOk } from './fixtures/files.ts';
import { loadIds, resolveIds } from './stored-facts.ts';

describeDb('stored ids for reference checks', () => {
  let db: TestDb;
  // Ids with what JSON and the page boundaries must carry through unchanged.
  const ids = [
    ...Array.from({ length: 40 }, (_, i) => `C${String(i).padStart(3, '0')}`),
    'C "quoted"',
    'C\\back',
    'C,comma',
    '客户-甲',
    'C[1]',
    'c-lower',
    'C 😀',
  ];
  beforeAll(async () => {
    db = await createTestDb();
    await importOk(
      db,
      'customers',
      ids.map((id) => ({ id, name: id, type: 'enterprise', region: '华东' })),
    );
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('reads every id, one page or many', async () => {
    for (const pageSize of [1, 7, ids.length, 1000]) {
      expect([...((await loadIds(db.kysely, 'customers', pageSize)) ?? [])].sort()).toEqual([...ids].sort());
    }
  });

  it('reads an empty table as no ids', async () => {
    expect((await loadIds(db.kysely, 'surveys', 7))?.size).toBe(0);
  });

  it('gives up past the bound, exactly: a table of n ids loads up to n, not n - 1', async () => {
    const n = ids.length;
    expect((await loadIds(db.kysely, 'customers', 7, n))?.size).toBe(n);
    expect(await loadIds(db.kysely, 'customers', 7, n - 1)).toBeNull();
    expect(await loadIds(db.kysely, 'customers', 1000, 0)).toBeNull();
  });

  it('tells which of the ids asked about are stored', async () => {
    const asked = [
      'C001',
      'nobody',
      'C "quoted"',
      '客户-甲',
      'C001 ',
      ...Array.from({ length: 1500 }, (_, i) => `X${i}`),
    ];
    expect((await resolveIds(db.kysely, 'customers', asked)).sort()).toEqual(
      ['C "quoted"', 'C001', '客户-甲'].sort(),
    );
  });
});
