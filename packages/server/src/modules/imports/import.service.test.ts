import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeDb, useTestDb } from '../../../test/db.ts';
import { listAudit } from '../audit/audit.repository.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { dumpTables, importCsv, seedCompany, useTempDir, writeCsv } from './fixtures/files.ts';
import { type ImportProgress, importFile, importRecords } from './import.service.ts';

const ORDER_HEADER = ['订单编号', '日期', '销售员', '客户编号', '产品编号', '金额', '成本'];

describeDb('import: orders from CSV and XLSX', () => {
  const t = useTestDb();
  const tmp = useTempDir();
  beforeAll(() => seedCompany(t.db));

  it('imports with Chinese headers, counts inserts, then all unchanged on re-import', async () => {
    const rows = [
      ORDER_HEADER,
      ['O1', '2026-01-05', 'R1', 'C1', 'P1', '1234.5', '800'],
      ['O2', '2026/1/6', 'R2', 'C1', 'P1', '-80.00', ''],
    ];
    const first = await importCsv(t.db, tmp.dir, 'orders', rows);
    expect(first).toMatchObject({ ok: true, rows: 2, inserted: 2, updated: 0, unchanged: 0, errors: [] });
    const stored = await t.db.kysely
      .selectFrom('orders')
      .select(['id', 'date', 'rep_id', 'customer_id', 'product_id', 'amount', 'cost'])
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      {
        id: 'O1',
        date: '2026-01-05',
        rep_id: 'R1',
        customer_id: 'C1',
        product_id: 'P1',
        amount: 123450,
        cost: 80000,
      },
      {
        id: 'O2',
        date: '2026-01-06',
        rep_id: 'R2',
        customer_id: 'C1',
        product_id: 'P1',
        amount: -8000,
        cost: null,
      },
    ]);
    const again = await importCsv(t.db, tmp.dir, 'orders', rows);
    expect(again).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 2 });
  });

  it('counts updates and writes one audit entry per import', async () => {
    const before = (await listAudit(t.db.kysely, { page: 1, pageSize: 500, entity: 'orders' })).total;
    const report = await importCsv(t.db, tmp.dir, 'orders', [
      ['id', 'date', 'rep_id', 'customer_id', 'product_id', 'amount'],
      ['O1', '2026-01-05', 'R1', 'C1', 'P1', '1234.50'],
      ['O2', '2026-01-06', 'R2', 'C1', 'P1', '-90'],
      ['O3', '2026-01-07', 'R2', 'C1', 'P1', '10'],
    ]);
    // O1 loses its cost: an empty optional column clears it.
    expect(report).toMatchObject({ ok: true, inserted: 1, updated: 2, unchanged: 0 });
    const audit = await listAudit(t.db.kysely, { page: 1, pageSize: 500, entity: 'orders' });
    expect(audit.total).toBe(before + 1);
    expect(audit.rows[0]).toMatchObject({
      action: 'import',
      actor: 'system',
      detail: { inserted: 1, updated: 2, unchanged: 0, rows: 3 },
    });
  });

  it('reads GB18030 (Excel on Chinese Windows) and UTF-8 with a BOM, detected automatically', async () => {
    const rows = [ORDER_HEADER, ['O10', '2026-02-01', 'R1', 'C1', 'P1', '100', '']];
    const gbFile = writeCsv(tmp.dir, rows, { encoding: 'gb18030' });
    expect(fs.readFileSync(gbFile).includes(Buffer.from('订单编号', 'utf8'))).toBe(false);
    const gb = await importFile(t.db, gbFile, { entity: 'orders', actor: SYSTEM_ACTOR, source: 'gb.csv' });
    expect(gb).toMatchObject({ ok: true, inserted: 1, warnings: [] });
    const bomFile = writeCsv(tmp.dir, [ORDER_HEADER, ['O11', '2026-02-02', 'R1', 'C1', 'P1', '100', '']], {
      bom: true,
    });
    const bom = await importFile(t.db, bomFile, { entity: 'orders', actor: SYSTEM_ACTOR, source: 'bom.csv' });
    expect(bom).toMatchObject({ ok: true, inserted: 1, warnings: [] });
    // The override wins: read as UTF-8, the GB18030 headers are garbage, so required columns are missing.
    const forced = await importFile(t.db, gbFile, {
      entity: 'orders',
      actor: SYSTEM_ACTOR,
      source: 'gb.csv',
      encoding: 'utf-8',
    });
    expect(forced.ok).toBe(false);
    expect(forced.errors[0]).toMatchObject({ row: 1, column: 'id' });
  });

  it('reads quoted cells with commas, quotes and line breaks (RFC 4180)', async () => {
    const report = await importCsv(t.db, tmp.dir, 'customers', [
      ['id', 'name', 'region'],
      ['C9', 'Acme, "the" company\nsecond line', '华北'],
    ]);
    expect(report).toMatchObject({ ok: true, inserted: 1 });
    const stored = await t.db.kysely
      .selectFrom('customers')
      .select('name')
      .where('id', '=', 'C9')
      .executeTakeFirstOrThrow();
    expect(stored.name).toBe('Acme, "the" company\nsecond line');
  });

  it('reads the first sheet of an XLSX: date cells without a time-zone shift, number cells as exact money', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('订单');
    sheet.addRow(['订单编号', '日期', '销售员', '客户编号', '产品编号', '金额', '备注']);
    const row = sheet.addRow(['O20', new Date(Date.UTC(2026, 2, 31)), 'R1', 'C1', 'P1', 1234.57, 'x']);
    row.getCell(2).numFmt = 'yyyy-mm-dd';
    sheet.addRow([21, '2026-04-01', 'R1', 'C1', 'P1', 0.1 + 0.2]);
    workbook.addWorksheet('other').addRow(['ignored']);
    const file = path.join(tmp.dir, 'orders.xlsx');
    await workbook.xlsx.writeFile(file);
    const report = await importFile(t.db, file, {
      entity: 'orders',
      actor: SYSTEM_ACTOR,
      source: 'orders.xlsx',
    });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      { row: 3, column: 'amount', value: '0.30000000000000004', reason: 'has more than 2 decimal places' },
    ]);
    expect(report.warnings).toEqual(['column "备注" is not a column of orders: ignored']);
    sheet.getRow(3).getCell(6).value = 99.9;
    await workbook.xlsx.writeFile(file);
    const fixed = await importFile(t.db, file, {
      entity: 'orders',
      actor: SYSTEM_ACTOR,
      source: 'orders.xlsx',
    });
    expect(fixed).toMatchObject({ ok: true, inserted: 2 });
    const stored = await t.db.kysely
      .selectFrom('orders')
      .select(['id', 'date', 'amount'])
      .where('id', 'in', ['O20', '21'])
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      { id: '21', date: '2026-04-01', amount: 9990 },
      { id: 'O20', date: '2026-03-31', amount: 123457 },
    ]);
  });

  it('dry run validates and counts but writes nothing, not even an audit entry', async () => {
    const before = await dumpTables(t.db);
    const report = await importCsv(
      t.db,
      tmp.dir,
      'orders',
      [
        ORDER_HEADER,
        ['O1', '2026-01-05', 'R1', 'C1', 'P1', '5', ''],
        ['O99', '2026-01-05', 'R1', 'C1', 'P1', '5', ''],
      ],
      { dryRun: true },
    );
    expect(report).toMatchObject({ ok: true, dryRun: true, inserted: 1, updated: 1, unchanged: 0 });
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('reports progress while validating and writing', async () => {
    const phases: ImportProgress[] = [];
    const file = writeCsv(tmp.dir, [ORDER_HEADER, ['O30', '2026-01-05', 'R1', 'C1', 'P1', '5', '']]);
    await importFile(t.db, file, {
      entity: 'orders',
      actor: SYSTEM_ACTOR,
      source: 'p.csv',
      onProgress: (p) => phases.push(p),
    });
    expect(phases.map((p) => p.phase)).toEqual([
      'reading',
      'validating',
      'validating',
      'writing',
      'writing',
      'done',
    ]);
    expect(phases.at(-1)).toMatchObject({
      rows: 1,
      totalBytes: fs.statSync(file).size,
      bytesRead: fs.statSync(file).size,
    });
  });

  it('a failed import leaves every table unchanged and lists every bad row', async () => {
    const before = await dumpTables(t.db);
    const report = await importCsv(t.db, tmp.dir, 'orders', [
      ORDER_HEADER,
      ['O40', '2026-01-05', 'R1', 'C1', 'P1', '5', ''],
      ['O41', '2026-02-30', 'R1', 'C1', 'P1', '5', ''],
      ['O42', '2026-01-05', 'NOBODY', 'C1', 'P1', '5.123', ''],
    ]);
    expect(report.ok).toBe(false);
    expect(report.inserted + report.updated + report.unchanged).toBe(0);
    expect(report.errors).toEqual([
      { row: 3, column: 'date', value: '2026-02-30', reason: 'is not a real calendar date' },
      { row: 4, column: 'amount', value: '5.123', reason: 'has more than 2 decimal places' },
      { row: 4, column: 'rep_id', value: 'NOBODY', reason: 'no person has this id' },
    ]);
    expect(await dumpTables(t.db)).toEqual(before);
  });
});

describeDb('import: whole-file problems', () => {
  const t = useTestDb();
  const tmp = useTempDir();

  it('reports an unreadable CSV (an unclosed quote) at the row where reading stopped', async () => {
    const file = path.join(tmp.dir, 'broken.csv');
    fs.writeFileSync(file, 'id,name,line\nP1,ok,A\nP2,"never closed,A\n');
    const report = await importFile(t.db, file, {
      entity: 'products',
      actor: SYSTEM_ACTOR,
      source: 'broken.csv',
    });
    expect(report.ok).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ row: 3, column: '' });
    expect(report.errors[0]?.reason).toMatch(/^the file cannot be read past this row: .*quote/i);
    expect(await t.db.kysely.selectFrom('products').selectAll().execute()).toEqual([]);
  });

  it('reports an empty file; a header without rows imports nothing, successfully', async () => {
    const empty = path.join(tmp.dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    const report = await importFile(t.db, empty, {
      entity: 'products',
      actor: SYSTEM_ACTOR,
      source: 'empty.csv',
    });
    expect(report.errors).toEqual([
      { row: 1, column: '', value: '', reason: 'the file is empty: expected a header row' },
    ]);
    const headerOnly = writeCsv(tmp.dir, [['id', 'name', 'line']]);
    expect(
      await importFile(t.db, headerOnly, { entity: 'products', actor: SYSTEM_ACTOR, source: 'h.csv' }),
    ).toMatchObject({ ok: true, rows: 0 });
  });

  it('refuses a missing file, an old .xls file and an unknown entity by throwing', async () => {
    const options = { entity: 'products' as const, actor: SYSTEM_ACTOR, source: 'x' };
    await expect(importFile(t.db, path.join(tmp.dir, 'missing.csv'), options)).rejects.toMatchObject({
      code: 'import_invalid',
    });
    const xls = path.join(tmp.dir, 'old.xls');
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expect(importFile(t.db, xls, options)).rejects.toThrow(/\.xls/);
    await expect(
      importRecords(t.db, () => [], { ...options, entity: 'unicorns' as never }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      field: 'usage',
    });
  });
});

describeDb('import: records from code (demo loader)', () => {
  const t = useTestDb();
  it('takes typed values keyed by canonical names and warns about unknown keys', async () => {
    await seedCompany(t.db);
    const report = await importRecords(
      t.db,
      () => [
        {
          id: 'S1',
          date: new Date(Date.UTC(2026, 0, 2)),
          rep_id: 'R1',
          kind: 'nps',
          score: 9,
          mood: 'happy',
        },
      ],
      { entity: 'surveys', actor: SYSTEM_ACTOR, source: 'demo' },
    );
    expect(report).toMatchObject({
      ok: true,
      inserted: 1,
      warnings: ['column "mood" is not a column of surveys: ignored'],
    });
    async function* later() {
      yield { id: 'S2', date: '2026-01-03', rep_id: 'R1', kind: 'csat', score: 6 };
    }
    let passes = 0;
    const counted = () => {
      passes += 1;
      return later();
    };
    const bad = await importRecords(t.db, counted, {
      entity: 'surveys',
      actor: SYSTEM_ACTOR,
      source: 'demo',
    });
    expect(passes).toBe(1);
    expect(bad.errors).toEqual([
      { row: 2, column: 'score', value: '6', reason: 'a csat score must be from 1 to 5' },
    ]);
  });

  it('reads a small async source once; one past the memory bound once to validate and once more to write', async () => {
    let passes = 0;
    async function* complaints() {
      passes += 1;
      yield { id: 'CP1', date: '2026-01-03', rep_id: 'R1', customer_id: null, resolved_on: undefined };
    }
    const options = { entity: 'complaints', actor: SYSTEM_ACTOR, source: 'demo' } as const;
    const report = await importRecords(t.db, complaints, options);
    expect(report).toMatchObject({ ok: true, inserted: 1, warnings: [] });
    expect(passes).toBe(1);
    const again = await importRecords(t.db, complaints, { ...options, memoryBound: { rows: 0, bytes: 0 } });
    expect(again).toMatchObject({ ok: true, inserted: 0, unchanged: 1, warnings: [] });
    expect(passes).toBe(3);
  });
});
