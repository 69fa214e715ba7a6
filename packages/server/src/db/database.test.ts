import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeDb, useTestDb } from '../../test/db.ts';

describeDb('database', () => {
  const ctx = useTestDb();

  it('migrates and stores money as exact integer fen', async () => {
    const db = ctx.db.kysely;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('units')
        .values({ id: 'co', name: '公司', parent_id: null, kind: 'company' })
        .execute();
      await trx
        .insertInto('people')
        .values({
          id: 'p1',
          name: '张三',
          email: null,
          unit_id: 'co',
          role: 'rep',
          title: null,
          hire_date: '2025-01-01',
          leave_date: null,
          manager_id: null,
        })
        .execute();
      await trx
        .insertInto('customers')
        .values({ id: 'c1', name: '客户', type: null, region: null })
        .execute();
      await trx.insertInto('products').values({ id: 'x', name: '产品', line: 'A' }).execute();
      await trx
        .insertInto('orders')
        .values({
          id: 'o1',
          date: '2026-01-05',
          rep_id: 'p1',
          customer_id: 'c1',
          product_id: 'x',
          amount: 900719925474099,
          cost: null,
        })
        .execute();
    });
    const row = await db
      .selectFrom('orders')
      .select((eb) => sql<number>`sum(${eb.ref('amount')})`.as('total'))
      .executeTakeFirstOrThrow();
    expect(Number(row.total)).toBe(900719925474099);
  });

  it('defers foreign keys to commit and rejects a dangling reference there', async () => {
    const db = ctx.db.kysely;
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('units')
          .values({ id: 'u9', name: 'x', parent_id: 'missing', kind: null })
          .execute();
      }),
    ).rejects.toThrow();
    expect(
      await db.selectFrom('units').select('id').where('id', '=', 'u9').executeTakeFirst(),
    ).toBeUndefined();
  });
});
