import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeDb, type TestDb } from '../../../test/db.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { dumpTables, seedCompany, useTempDir, writeCsv } from './fixtures/files.ts';
import { type ImportReport, importFile } from './import.service.ts';
import type { MemoryBound } from './kept-rows.ts';

// Pass 2 writes either the rows pass 1 kept in memory or, past the memory bound, the file read
// and checked again; or pass 1 runs in the validation thread while its rows are written
// (import-overlapped.ts). All three must leave the same tables and the same report. The files
// span several write batches (1,000 rows on SQLite, 5,000 on PostgreSQL), more than the
// validation thread may send ahead of the writes.
const STREAM: MemoryBound = { rows: 0, bytes: 0 };
const HEADER = ['id', 'date', 'rep_id', 'customer_id', 'product_id', 'amount', 'cost'];

const order = (i: number, amount: string) => [
  `W${String(i).padStart(5, '0')}`,
  `2026-04-${String((i % 28) + 1).padStart(2, '0')}`,
  i % 2 ? 'R1' : 'R2',
  'C1',
  'P1',
  amount,
  i % 3 ? '' : '1.50',
];

/** Orders 1..n; `amountOf` decides each amount. */
const ordersFile = (n: number, amountOf: (i: number) => string, from = 1) => [
  HEADER,
  ...Array.from({ length: n }, (_, k) => order(from + k, amountOf(from + k))),
];

/** The tables an import writes; the audit log differs only in its timestamps. */
async function factTables(db: TestDb) {
  const { audit_log: audit, ...tables } = await dumpTables(db);
  return { tables, audits: audit?.length };
}

async function revsOf(db: TestDb): Promise<Map<string, number>> {
  const rows = await db.kysely.selectFrom('orders').select(['id', 'rev']).execute();
  return new Map(rows.map((r) => [r.id, Number(r.rev)]));
}

describeDb('import: pass 2 from memory, from a second read, or beside the validation thread', () => {
  const tmp = useTempDir();
  const dbs: { memory: TestDb; stream: TestDb; thread: TestDb } = {} as never;
  beforeAll(async () => {
    dbs.memory = await createTestDb();
    dbs.stream = await createTestDb();
    dbs.thread = await createTestDb();
    await seedCompany(dbs.memory);
    await seedCompany(dbs.stream);
    await seedCompany(dbs.thread);
  });
  afterAll(async () => {
    await dbs.memory?.drop();
    await dbs.stream?.drop();
    await dbs.thread?.drop();
  });

  async function importBoth(rows: string[][], dryRun = false): Promise<ImportReport> {
    const file = writeCsv(tmp.dir, rows);
    const options = {
      entity: 'orders',
      actor: SYSTEM_ACTOR,
      source: path.basename(file),
      dryRun,
      validationThread: 'never',
    } as const;
    const memory = await importFile(dbs.memory, file, options);
    const stream = await importFile(dbs.stream, file, { ...options, memoryBound: STREAM });
    const thread = await importFile(dbs.thread, file, { ...options, validationThread: 'always' });
    expect(stream).toEqual(memory);
    expect(thread).toEqual(memory);
    const tables = await factTables(dbs.memory);
    expect(await factTables(dbs.stream)).toEqual(tables);
    // A failed import on the thread path rolled back a revision; on PostgreSQL its number is
    // not reused (sequences are not transactional), so only the tables are compared, not what
    // later imports will number.
    expect(await factTables(dbs.thread)).toEqual(tables);
    return memory;
  }

  it('inserts, then counts inserted, updated and unchanged rows exactly; only written rows get the new rev', {
    timeout: 60_000,
  }, async () => {
    const first = await importBoth(ordersFile(6000, (i) => `${i}.00`));
    expect(first).toMatchObject({ ok: true, rows: 6000, inserted: 6000, updated: 0, unchanged: 0 });
    const before = await revsOf(dbs.memory);

    // 12,000 rows: 6,000 stored (every 7th changed, one of them only in its cost) and 6,000 new.
    const amountOf = (i: number) => (i <= 6000 && i % 7 === 0 ? `${i}.01` : `${i}.00`);
    const mixed = ordersFile(12000, amountOf);
    const changedCost = mixed[3] as string[];
    changedCost[6] = '9.99';
    const changed = new Set(
      mixed
        .slice(1)
        .filter((r) => r[5]?.endsWith('.01'))
        .map((r) => r[0]),
    );
    changed.add(changedCost[0]);
    const dry = await importBoth(mixed, true);
    const second = await importBoth(mixed);
    const counts = { inserted: 6000, updated: changed.size, unchanged: 6000 - changed.size };
    expect(dry).toMatchObject({ ok: true, dryRun: true, ...counts });
    expect(second).toMatchObject({ ok: true, rows: 12000, ...counts });

    const after = await revsOf(dbs.memory);
    const newRev = Math.max(...after.values());
    expect(newRev).toBeGreaterThan(Math.max(...before.values()));
    for (const [id, rev] of after) {
      const expected = !before.has(id) || changed.has(id) ? newRev : before.get(id);
      if (rev !== expected) expect({ id, rev }).toEqual({ id, rev: expected });
    }
    const again = await importBoth(mixed);
    expect(again).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 12000 });
    expect(await revsOf(dbs.memory)).toEqual(after);
  });

  it('writes nothing when one row anywhere is bad: first, in a later batch, or last', {
    timeout: 60_000,
  }, async () => {
    const before = await factTables(dbs.memory);
    for (const bad of [1, 5500, 12000]) {
      const rows = ordersFile(12000, (i) => (i === bad ? '1.001' : '7.00'));
      const report = await importBoth(rows);
      expect(report).toMatchObject({ ok: false, inserted: 0, updated: 0, unchanged: 0 });
      expect(report.errors).toEqual([
        { row: bad + 1, column: 'amount', value: '1.001', reason: 'has more than 2 decimal places' },
      ]);
    }
    expect(await factTables(dbs.memory)).toEqual(before);
  });

  it('upserts a composite key (unit moves) by person and date, counting each row once', async () => {
    const header = ['person_id', 'unit_id', 'effective_from'];
    const dayOf = (i: number) => `2026-0${1 + Math.floor(i / 28)}-${String((i % 28) + 1).padStart(2, '0')}`;
    const moves = (unit: string) => [
      header,
      ...Array.from({ length: 40 }, (_, i) => ['R1', i % 3 ? 'T1' : unit, dayOf(i)]),
      ...Array.from({ length: 20 }, (_, i) => ['R2', 'T1', dayOf(i)]),
    ];
    const file = writeCsv(tmp.dir, moves('T2'));
    const options = { entity: 'unit_moves', actor: SYSTEM_ACTOR, source: 'moves.csv' } as const;
    expect(await importFile(dbs.memory, file, options)).toMatchObject({ ok: true, inserted: 60 });
    const changed = writeCsv(tmp.dir, moves('HQ'));
    expect(await importFile(dbs.memory, changed, options)).toMatchObject({
      ok: true,
      inserted: 0,
      updated: 14,
      unchanged: 46,
    });
  });

  it('a first load (COPY straight into an empty table on PostgreSQL) stores what the upsert path stores', async () => {
    const header = ['id', 'created_on', 'rep_id', 'source', 'converted_on'];
    const sources = ['web', 'a, "quoted" b', '\\.', 'back\\slash', '展会', 'line\nbreak', ''];
    const rows = Array.from({ length: 30 }, (_, i) => [
      `L${i}`,
      '2026-03-01',
      i % 2 ? 'R1' : 'R2',
      sources[i % sources.length] as string,
      i % 4 ? '' : '2026-03-05',
    ]);
    const file = writeCsv(tmp.dir, [header, ...rows]);
    const options = { entity: 'leads', actor: SYSTEM_ACTOR, source: 'leads.csv' } as const;
    const before = writeCsv(tmp.dir, [header, ['L-first', '2026-01-01', 'R1', '', '']]);
    expect(await importFile(dbs.stream, before, options)).toMatchObject({ ok: true, inserted: 1 });
    expect(await importFile(dbs.memory, file, options)).toMatchObject({ ok: true, inserted: 30 });
    expect(await importFile(dbs.stream, file, options)).toMatchObject({ ok: true, inserted: 30 });
    const leads = (db: TestDb) =>
      db.kysely
        .selectFrom('leads')
        .select(['id', 'created_on', 'rep_id', 'source', 'converted_on'])
        .where('id', '!=', 'L-first')
        .orderBy('id')
        .execute();
    const stored = await leads(dbs.memory);
    expect(stored).toEqual(await leads(dbs.stream));
    expect(stored.find((l) => l.id === 'L1')?.source).toBe('a, "quoted" b');
    expect(stored.find((l) => l.id === 'L6')?.source).toBeNull();
  });
});
