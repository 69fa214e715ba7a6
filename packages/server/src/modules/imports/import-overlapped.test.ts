import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, describeDb, type TestDb } from '../../../test/db.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { ENTITIES } from '../entities/entities.ts';
import { dumpTables, importOk, seedCompany, useTempDir, writeCsv } from './fixtures/files.ts';
import { type ImportProgress, importFile } from './import.service.ts';
import { OVERLAP_MIN_BYTES, usesValidationThread } from './import-overlapped.ts';
import type { TableFile } from './read-table.ts';
import { completeIdsFor } from './stored-facts.ts';

const HEADER = ['id', 'date', 'rep_id', 'customer_id', 'product_id', 'amount', 'cost'];
const orders = (prefix: string, n: number) => [
  HEADER,
  ...Array.from({ length: n }, (_, i) => [`${prefix}${i}`, '2026-04-02', 'R1', 'C1', 'P1', '10.00', '']),
];

/** A fresh database with the seeded company, for the tests of one describe block. */
function useSeededCompany(): { readonly db: TestDb } {
  const holder = {} as { db: TestDb };
  beforeAll(async () => {
    holder.db = await createTestDb();
    await seedCompany(holder.db);
  });
  afterAll(async () => {
    await holder.db?.drop();
  });
  return holder;
}

describe('usesValidationThread', () => {
  const file = (format: 'csv' | 'xlsx', totalBytes: number): TableFile => ({
    format,
    encoding: format === 'csv' ? 'utf-8' : null,
    totalBytes,
    rows: () => {
      throw new Error('not read');
    },
  });
  const { orders: spec, goals } = ENTITIES;

  it('takes large CSV files, not small ones, workbooks, dry runs or goals', () => {
    expect(usesValidationThread(spec, file('csv', OVERLAP_MIN_BYTES), {})).toBe(true);
    expect(usesValidationThread(spec, file('csv', OVERLAP_MIN_BYTES - 1), {})).toBe(false);
    expect(usesValidationThread(spec, file('xlsx', 10 * OVERLAP_MIN_BYTES), {})).toBe(false);
    expect(usesValidationThread(spec, file('csv', OVERLAP_MIN_BYTES), { dryRun: true })).toBe(false);
    expect(usesValidationThread(goals, file('csv', OVERLAP_MIN_BYTES), {})).toBe(false);
  });

  it('can be forced either way', () => {
    expect(usesValidationThread(spec, file('csv', 10), { validationThread: 'always' })).toBe(true);
    const big = file('csv', 10 * OVERLAP_MIN_BYTES);
    expect(usesValidationThread(spec, big, { validationThread: 'never' })).toBe(false);
  });
});

describe('the validation thread in a process of its own', () => {
  it('is awaited while it starts, then lets the process end when idle', { timeout: 60_000 }, () => {
    const thread = new URL('./validation-thread.ts', import.meta.url).href;
    const script = `const t = await import(${JSON.stringify(thread)}); await t.prestartValidationThread(); console.log('ready');`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect({ status: result.status, stdout: result.stdout.trim(), stderr: result.stderr }).toEqual({
      status: 0,
      stdout: 'ready',
      stderr: '',
    });
  });
});

describeDb('import with the validation thread', () => {
  const tmp = useTempDir();
  const seeded = useSeededCompany();

  const options = (file: string) =>
    ({
      entity: 'orders',
      actor: SYSTEM_ACTOR,
      source: path.basename(file),
      validationThread: 'always',
    }) as const;

  it('reports the validation as it goes and ends with every byte read', async () => {
    const file = writeCsv(tmp.dir, orders('PG', 2500));
    const seen: ImportProgress[] = [];
    const report = await importFile(seeded.db, file, { ...options(file), onProgress: (p) => seen.push(p) });
    expect(report).toMatchObject({ ok: true, rows: 2500, inserted: 2500 });
    expect(seen.map((p) => p.phase)).toEqual([
      'reading',
      'validating',
      'validating',
      'validating',
      'validating',
      'writing',
      'done',
    ]);
    expect(seen.filter((p) => p.phase === 'validating').map((p) => p.rows)).toEqual([0, 1000, 2000, 2500]);
    const size = (await import('node:fs')).statSync(file).size;
    expect(seen.at(-1)).toMatchObject({ rows: 2500, bytesRead: size, totalBytes: size });
  });

  it('two imports at once both land: the second checks its file in its own thread', async () => {
    const first = writeCsv(tmp.dir, orders('PA', 3000));
    const second = writeCsv(tmp.dir, orders('PB', 3000));
    const reports = await Promise.all([
      importFile(seeded.db, first, options(first)),
      importFile(seeded.db, second, options(second)),
    ]);
    expect(reports.map((r) => [r.ok, r.inserted])).toEqual([
      [true, 3000],
      [true, 3000],
    ]);
    const stored = await seeded.db.kysely
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('id', 'like', 'PA%'), eb('id', 'like', 'PB%')]))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(6000);
  });

  it('rolls back rows already written when a check across rows fails at the end of the file', async () => {
    const before = await dumpTables(seeded.db);
    // Shares of order PG0 sum to 1.1: found only after the last row, when every row was written.
    const credits = [
      ['order_id', 'rep_id', 'share'],
      ...Array.from({ length: 2500 }, (_, i) => [`PG${i}`, 'R1', '1']),
      ['PG0', 'R2', '0.1'],
    ];
    const file = writeCsv(tmp.dir, credits);
    const report = await importFile(seeded.db, file, { ...options(file), entity: 'order_credits' });
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'share'],
      [2502, 'share'],
    ]);
    expect(await dumpTables(seeded.db)).toEqual(before);
  });
});

describeDb('references to a table too large to load: looked up by the ids the file names', () => {
  const tmp = useTempDir();
  const seeded = useSeededCompany();

  // 2,500 orders (three lookup chunks); rows 700 and 2,400 name customers nobody stored, row 1,500
  // a product nobody stored.
  const rows = orders('PX', 2500);
  (rows[700] as string[])[3] = 'C-MISSING';
  (rows[2400] as string[])[3] = 'C-MISSING-2';
  (rows[1500] as string[])[4] = 'P-MISSING';

  it('finds the same errors on every path as with every id loaded, and writes nothing', async () => {
    const file = writeCsv(tmp.dir, rows);
    const before = await dumpTables(seeded.db);
    const base = { entity: 'orders', actor: SYSTEM_ACTOR, source: 'x.csv' } as const;
    const complete = await importFile(seeded.db, file, { ...base, validationThread: 'never' });
    expect(complete.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [701, 'customer_id', 'C-MISSING'],
      [1501, 'product_id', 'P-MISSING'],
      [2401, 'customer_id', 'C-MISSING-2'],
    ]);
    for (const validationThread of ['never', 'always'] as const) {
      const report = await importFile(seeded.db, file, { ...base, validationThread, completeIdsUpTo: 0 });
      expect(report).toEqual(complete);
    }
    expect(await dumpTables(seeded.db)).toEqual(before);
  });

  it('a first load that fails late leaves the table empty (PostgreSQL: one COPY open across batches)', {
    timeout: 60_000,
  }, async () => {
    const big = orders('PZ', 12_000);
    (big[11_000] as string[])[5] = '1.001';
    const file = writeCsv(tmp.dir, big);
    for (const completeIdsUpTo of [undefined, 0]) {
      const report = await importFile(seeded.db, file, {
        entity: 'orders',
        actor: SYSTEM_ACTOR,
        source: 'z.csv',
        validationThread: 'always',
        completeIdsUpTo,
      });
      expect(report.errors.map((e) => [e.row, e.column])).toEqual([[11_001, 'amount']]);
    }
    const stored = await seeded.db.kysely
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(0);
  });

  it('imports a valid file the same way', async () => {
    const valid = orders('PY', 2500);
    const file = writeCsv(tmp.dir, valid);
    const report = await importFile(seeded.db, file, {
      entity: 'orders',
      actor: SYSTEM_ACTOR,
      source: 'y.csv',
      validationThread: 'always',
      completeIdsUpTo: 0,
    });
    expect(report).toMatchObject({ ok: true, rows: 2500, inserted: 2500 });
  });
});

describeDb('a small file against a table past the whole-load bound, with the default options', () => {
  const tmp = useTempDir();
  const seeded = useSeededCompany();
  const CUSTOMERS = 10_100; // past the 10,000 ids any file may load whole (stored-facts.ts)

  beforeAll(async () => {
    const more = Array.from({ length: CUSTOMERS - 1 }, (_, i) => ({
      id: `C${String(i + 2).padStart(5, '0')}`,
      name: `客户${i + 2}`,
    }));
    await importOk(seeded.db, 'customers', more);
  }, 60_000);

  it('looks the file’s customers up and names the unknown one, on both paths', async () => {
    const rows = [
      HEADER,
      ['PB1', '2026-04-02', 'R1', 'C00002', 'P1', '10.00', ''],
      ['PB2', '2026-04-02', 'R1', 'C-NOBODY', 'P1', '10.00', ''],
      ['PB3', '2026-04-02', 'R1', `C${CUSTOMERS}`, 'P1', '10.00', ''],
    ];
    const file = writeCsv(tmp.dir, rows);
    expect(completeIdsFor(statSync(file).size)).toBeLessThan(CUSTOMERS); // the lookup path, not the whole table
    const base = { entity: 'orders', actor: SYSTEM_ACTOR, source: 'b.csv' } as const;
    for (const validationThread of ['never', 'always'] as const) {
      const report = await importFile(seeded.db, file, { ...base, validationThread });
      expect(report.errors.map((e) => [e.row, e.column, e.value])).toEqual([[3, 'customer_id', 'C-NOBODY']]);
    }
    rows.splice(2, 1);
    const fixed = await importFile(seeded.db, writeCsv(tmp.dir, rows), base);
    expect(fixed).toMatchObject({ ok: true, rows: 2, inserted: 2 });
  });
});
