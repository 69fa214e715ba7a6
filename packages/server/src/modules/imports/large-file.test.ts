import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeDb, testDialect, useTestDb } from '../../../test/db.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { seedCompany, useTempDir } from './fixtures/files.ts';
import { importFile } from './import.service.ts';
import { MAX_KEPT_ERRORS } from './validate-file.ts';

// Contract §1 at size: below the memory bound (500,000 rows) pass 1 keeps the checked rows for
// the write pass; write-paths.test.ts checks that a file past the bound, streamed twice, ends the
// same. SQLite must do 200,000 rows well within the timeout; PostgreSQL a smaller file.
const ROWS = testDialect === 'sqlite' ? 200_000 : 50_000;

function writeOrdersFile(file: string, rows: number, amountOf: (i: number) => string): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, 'id,date,rep_id,customer_id,product_id,amount,cost\n');
    let chunk = '';
    for (let i = 1; i <= rows; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      chunk += `SO${i},2026-03-${day},${i % 2 ? 'R1' : 'R2'},C1,P1,${amountOf(i)},${i % 3 ? '' : '10.00'}\n`;
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

describeDb(`import: a ${ROWS.toLocaleString('en')}-row orders file`, () => {
  const t = useTestDb();
  const tmp = useTempDir();
  beforeAll(() => seedCompany(t.db));

  it('imports it in batches within one transaction, then re-imports it as unchanged/updated', {
    timeout: 120_000,
  }, async () => {
    const file = path.join(tmp.dir, 'orders.csv');
    writeOrdersFile(file, ROWS, (i) => `${i % 1000}.${String(i % 100).padStart(2, '0')}`);
    const progress: number[] = [];
    const first = await importFile(t.db, file, {
      entity: 'orders',
      actor: SYSTEM_ACTOR,
      source: 'orders.csv',
      onProgress: (p) => progress.push(p.rows),
    });
    expect(first).toMatchObject({
      ok: true,
      rows: ROWS,
      inserted: ROWS,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    expect(progress.length).toBeGreaterThan(ROWS / 1000);
    const total = await t.db.kysely
      .selectFrom('orders')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount').as('sum')])
      .executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(ROWS);

    // Every 10th amount changes; the rest are identical.
    writeOrdersFile(file, ROWS, (i) =>
      i % 10 === 0 ? '1.00' : `${i % 1000}.${String(i % 100).padStart(2, '0')}`,
    );
    const second = await importFile(t.db, file, {
      entity: 'orders',
      actor: SYSTEM_ACTOR,
      source: 'orders.csv',
    });
    expect(second).toMatchObject({ ok: true, inserted: 0, updated: ROWS / 10, unchanged: ROWS - ROWS / 10 });
  });

  it('rejects the whole file for one bad row near its end, writing nothing', {
    timeout: 120_000,
  }, async () => {
    const file = path.join(tmp.dir, 'bad.csv');
    writeOrdersFile(file, ROWS, (i) => (i === ROWS - 1 ? '1.001' : '2.00'));
    const report = await importFile(t.db, file, { entity: 'orders', actor: SYSTEM_ACTOR, source: 'bad.csv' });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      { row: ROWS, column: 'amount', value: '1.001', reason: 'has more than 2 decimal places' },
    ]);
    const changed = await t.db.kysely.selectFrom('orders').select('id').where('amount', '=', 200).execute();
    expect(changed).toEqual([]);
  });

  it('lists at most 100,000 errors and counts the rest', { timeout: 120_000 }, async () => {
    const file = path.join(tmp.dir, 'all-bad.csv');
    writeOrdersFile(file, ROWS, () => '0.001');
    const report = await importFile(t.db, file, {
      entity: 'orders',
      actor: SYSTEM_ACTOR,
      source: 'all-bad.csv',
    });
    expect(report.ok).toBe(false);
    expect(report.errors).toHaveLength(Math.min(ROWS, MAX_KEPT_ERRORS));
    expect(report.errors[0]).toEqual({
      row: 2,
      column: 'amount',
      value: '0.001',
      reason: 'has more than 2 decimal places',
    });
    expect(report.warnings).toEqual(
      ROWS > MAX_KEPT_ERRORS ? [`${ROWS - MAX_KEPT_ERRORS} more errors are not listed`] : [],
    );
  });
});
