import { beforeAll, expect, it } from 'vitest';
import { describeDb, useTestDb } from '../../../test/db.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import type { EntityName } from '../entities/entities.ts';
import { importRecords } from '../imports/import.service.ts';
import { ALL_ROWS, pages } from './fact-store.loader.ts';

const order = (id: string, amount: string) => ({
  id,
  date: '2026-03-01',
  rep_id: 'p1',
  customer_id: 'c1',
  product_id: 'X',
  amount,
});

// The change feed reads rows by (rev, id) pages: every row changed after a revision exactly once,
// across page boundaries and revisions, and nothing older.
describeDb('change pages', () => {
  const ctx = useTestDb();
  const load = async (entity: EntityName, rows: Record<string, unknown>[]) => {
    const report = await importRecords(ctx.db, () => rows, { entity, actor: SYSTEM_ACTOR, source: 'test' });
    expect(report.errors).toEqual([]);
  };
  const read = async (since: number, pageSize: number) => {
    const seen: string[] = [];
    for await (const rows of pages(ctx.db.kysely, 'orders', since, pageSize)) {
      expect(rows.length).toBeLessThanOrEqual(pageSize);
      seen.push(...rows.map((r) => r.id));
    }
    return seen;
  };
  let before = 0;

  beforeAll(async () => {
    await load('units', [{ id: 'HQ', name: '总部', kind: 'company' }]);
    await load('people', [{ id: 'p1', name: '甲', unit_id: 'HQ', role: 'rep', hire_date: '2024-01-01' }]);
    await load('products', [{ id: 'X', name: 'X', line: 'A' }]);
    await load('customers', [{ id: 'c1', name: 'c1' }]);
    await load(
      'orders',
      ['o1', 'o2', 'o3', 'o4', 'o5'].map((id) => order(id, '1.00')),
    );
    before = Number(
      (
        await ctx.db.kysely
          .selectFrom('revisions')
          .select((eb) => eb.fn.max('id').as('m'))
          .executeTakeFirstOrThrow()
      ).m,
    );
    // Two later revisions: o2 and o4 change, o6 and o7 are new; o7 sorts after o6 in the same revision.
    await load('orders', [order('o2', '2.00'), order('o6', '1.00')]);
    await load('orders', [order('o4', '2.00'), order('o7', '1.00'), order('o0', '1.00')]);
  });

  it('reads every row changed after a revision once, in pages of any size', async () => {
    for (const size of [1, 2, 3, 50]) {
      const seen = await read(before, size);
      expect(seen).toEqual(['o2', 'o6', 'o0', 'o4', 'o7']);
    }
  });

  it('reads everything by id for a full load', async () => {
    expect(await read(ALL_ROWS, 2)).toEqual(['o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7']);
  });
});
