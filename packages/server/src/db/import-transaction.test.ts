import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeDb, type TestDb, testDialect } from '../../test/db.ts';
import { ENTITIES, ENTITY_NAMES } from '../modules/entities/entities.ts';
import { importCsv, seedCompany, useTempDir } from '../modules/imports/fixtures/files.ts';
import { importTransaction } from './import-transaction.ts';

const onSqlite = testDialect === 'sqlite';

async function foreignKeysOn(db: TestDb): Promise<boolean> {
  const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db.kysely);
  return rows[0]?.foreign_keys === 1;
}

async function foreignKeysOf(db: TestDb, table: string) {
  const { rows } = await sql<{
    table: string;
    from: string;
  }>`select * from pragma_foreign_key_list(${table})`.execute(db.kysely);
  return rows.map((r) => ({ from: r.from, parent: r.table }));
}

describeDb('the import transaction', () => {
  const tmp = useTempDir();
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    await seedCompany(db);
  });
  afterAll(() => db?.drop());

  // The proof that turning SQLite's enforcement off loses no check: every foreign key of a table
  // an import writes is a column the import checks itself (a `references` column of its spec).
  it.runIf(onSqlite)(
    'covers every foreign key of the tables an import writes with its own reference checks',
    async () => {
      let keys = 0;
      for (const name of ENTITY_NAMES) {
        const spec = ENTITIES[name];
        for (const key of await foreignKeysOf(db, spec.table)) {
          keys += 1;
          const column = spec.columns.find((c) => c.name === key.from);
          expect(column?.references, `${spec.table}.${key.from}`).toBeDefined();
          expect(ENTITIES[column?.references ?? name].table, `${spec.table}.${key.from}`).toBe(key.parent);
        }
      }
      expect(keys).toBeGreaterThanOrEqual(15);
      // The rows every import adds beside its entity's.
      expect(await foreignKeysOf(db, 'revisions')).toEqual([]);
      expect(await foreignKeysOf(db, 'audit_log')).toEqual([]);
    },
  );

  it.runIf(onSqlite)(
    'runs with enforcement off and turns it back on, after a commit and after a rollback',
    async () => {
      expect(await foreignKeysOn(db)).toBe(true);
      const inside = await importTransaction(db, async (trx) => {
        const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(trx);
        return rows[0]?.foreign_keys;
      });
      expect(inside).toBe(0);
      expect(await foreignKeysOn(db)).toBe(true);

      await expect(
        importTransaction(db, async (trx) => {
          await trx.insertInto('products').values({ id: 'P-rolled-back', name: '回滚', line: 'A' }).execute();
          throw new Error('the import failed');
        }),
      ).rejects.toThrow('the import failed');
      expect(await foreignKeysOn(db)).toBe(true);
      const rolledBack = await db.kysely
        .selectFrom('products')
        .select('id')
        .where('id', '=', 'P-rolled-back')
        .execute();
      expect(rolledBack).toEqual([]);
      // Outside an import the database still refuses a dangling reference.
      await expect(
        db.kysely
          .insertInto('order_credits')
          .values({ order_id: 'no-such-order', rep_id: 'R1', share: '1' })
          .execute(),
      ).rejects.toThrow(/FOREIGN KEY/);
    },
  );

  it('leaves no dangling reference: bad references are refused by the import, good ones pass the check', async () => {
    const header = ['id', 'date', 'rep_id', 'customer_id', 'product_id', 'amount'];
    const refused = await importCsv(db, tmp.dir, 'orders', [
      header,
      ['X1', '2026-03-02', 'R1', 'C-none', 'P1', '10'],
    ]);
    expect(refused.ok).toBe(false);
    expect(refused.errors[0]).toMatchObject({ row: 2, column: 'customer_id' });
    const accepted = await importCsv(db, tmp.dir, 'orders', [
      header,
      ['X2', '2026-03-02', 'R1', 'C1', 'P1', '10'],
    ]);
    expect(accepted).toMatchObject({ ok: true, inserted: 1 });
    if (onSqlite) {
      const { rows } = await sql`pragma foreign_key_check`.execute(db.kysely);
      expect(rows).toEqual([]);
      expect(await foreignKeysOn(db)).toBe(true);
    }
  });
});
