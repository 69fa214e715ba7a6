import { expect, it } from 'vitest';
import { describeDb, useTestDb } from '../../../test/db.ts';
import { dumpTables, importCsv, useTempDir } from './fixtures/files.ts';

describeDb('import: references within a file and replacement rules', () => {
  const t = useTestDb();
  const tmp = useTempDir();

  it('accepts a unit before its parent and a person before their manager', async () => {
    const units = await importCsv(t.db, tmp.dir, 'units', [
      ['单元编号', '名称', '上级编号', '类型'],
      ['T1', '一组', 'R1', 'team'],
      ['R1', '华东', 'HQ', 'region'],
      ['HQ', '总部', '', 'company'],
    ]);
    expect(units).toMatchObject({ ok: true, inserted: 3 });
    const people = await importCsv(t.db, tmp.dir, 'people', [
      ['工号', '姓名', '所属单元', '角色', '入职日期', '直属上级'],
      ['E2', '李强', 'T1', 'rep', '2024-07-15', 'E1'],
      ['E1', '王芳', 'T1', 'manager', '2021-03-01', ''],
    ]);
    expect(people).toMatchObject({ ok: true, inserted: 2 });
    // Moving the root under a new root in the same file keeps exactly one root.
    const reroot = await importCsv(t.db, tmp.dir, 'units', [
      ['id', 'name', 'parent_id'],
      ['HQ', '总部', 'GROUP'],
      ['GROUP', '集团', ''],
    ]);
    expect(reroot).toMatchObject({ ok: true, inserted: 1, updated: 1 });
  });

  it('refuses a units file that leaves no root', async () => {
    const db = t.db;
    const before = await dumpTables(db);
    const report = await importCsv(db, tmp.dir, 'units', [
      ['id', 'name', 'parent_id'],
      ['GROUP', '集团', 'HQ'],
    ]);
    expect(report.errors).toEqual([
      { row: 2, column: 'parent_id', value: 'HQ', reason: 'the parent_id chain loops: HQ → GROUP → HQ' },
      {
        row: 2,
        column: 'parent_id',
        value: 'HQ',
        reason: 'no unit is the root: exactly one unit must have an empty parent_id',
      },
    ]);
    expect(await dumpTables(db)).toEqual(before);
  });

  it("replaces an order's credits with the file's and counts them", async () => {
    await importCsv(t.db, tmp.dir, 'customers', [
      ['id', 'name'],
      ['C1', '甲'],
    ]);
    await importCsv(t.db, tmp.dir, 'products', [
      ['id', 'name', 'line'],
      ['P1', '甲', 'A'],
    ]);
    const orders = await importCsv(t.db, tmp.dir, 'orders', [
      ['id', 'date', 'rep_id', 'customer_id', 'product_id', 'amount'],
      ['O1', '2026-01-01', 'E1', 'C1', 'P1', '100'],
      ['O2', '2026-01-01', 'E1', 'C1', 'P1', '100'],
    ]);
    expect(orders.ok).toBe(true);
    const header = ['订单编号', '销售员', '分成比例'];
    const first = await importCsv(t.db, tmp.dir, 'order_credits', [
      header,
      ['O1', 'E1', '0.5'],
      ['O2', 'E1', '1'],
      ['O1', 'E2', '0.50'],
    ]);
    expect(first).toMatchObject({ ok: true, inserted: 3, updated: 0, unchanged: 0 });
    const again = await importCsv(t.db, tmp.dir, 'order_credits', [
      header,
      ['O1', 'E2', '0.5'],
      ['O1', 'E1', '0.5'],
    ]);
    expect(again).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 2 });
    const replaced = await importCsv(t.db, tmp.dir, 'order_credits', [header, ['O1', 'E2', '1']]);
    expect(replaced).toMatchObject({ ok: true, inserted: 0, updated: 1, unchanged: 0 });
    const credits = await t.db.kysely
      .selectFrom('order_credits')
      .select(['order_id', 'rep_id', 'share'])
      .orderBy('order_id')
      .execute();
    expect(credits).toEqual([
      { order_id: 'O1', rep_id: 'E2', share: '1' },
      { order_id: 'O2', rep_id: 'E1', share: '1' },
    ]);
  });

  it('upserts goals by period + scope + metric + filters', async () => {
    const header = ['周期', '对象', '指标', '目标值', '产品线', '保底', '挑战'];
    const first = await importCsv(t.db, tmp.dir, 'goals', [
      header,
      ['2026-Q1', 'E2', 'revenue', '500000.00', '', '400000', ''],
      ['2026-Q1', 'E2', 'revenue', '100000', 'A', '', ''],
      ['2026', 'T1', 'win_rate', '0.35', '', '', '0.5'],
    ]);
    expect(first).toMatchObject({ ok: true, inserted: 3 });
    const second = await importCsv(t.db, tmp.dir, 'goals', [
      header,
      ['2026-Q1', 'E2', 'revenue', '600000', '', '400000', ''],
    ]);
    expect(second).toMatchObject({ ok: true, updated: 1 });
    const goals = await t.db.kysely
      .selectFrom('goals')
      .select(['goal_key', 'value', 'floor', 'stretch'])
      .orderBy('goal_key')
      .execute();
    expect(goals).toEqual([
      { goal_key: '2026-Q1|E2|revenue|A||', value: '100000', floor: null, stretch: null },
      { goal_key: '2026-Q1|E2|revenue|||', value: '600000', floor: '400000', stretch: null },
      { goal_key: '2026|T1|win_rate|||', value: '0.35', floor: null, stretch: '0.5' },
    ]);
  });

  it('upserts unit moves by person and date', async () => {
    const header = ['工号', '调入单元', '生效日期'];
    expect(await importCsv(t.db, tmp.dir, 'unit_moves', [header, ['E2', 'R1', '2026-08-01']])).toMatchObject({
      ok: true,
      inserted: 1,
    });
    expect(
      await importCsv(t.db, tmp.dir, 'unit_moves', [
        header,
        ['E2', 'T1', '2026-08-01'],
        ['E2', 'R1', '2026-09-01'],
      ]),
    ).toMatchObject({
      ok: true,
      inserted: 1,
      updated: 1,
    });
  });

  it('accepts a closed opportunity without won as lost, with a warning', async () => {
    const report = await importCsv(t.db, tmp.dir, 'opportunities', [
      ['商机编号', '销售员', '创建日期', '金额', '关闭日期', '是否赢单'],
      ['OP1', 'E2', '2026-01-01', '1000', '2026-02-01', ''],
      ['OP2', 'E2', '2026-01-01', '1000', '2026-02-01', '是'],
      ['OP3', 'E2', '2026-01-01', '1000', '', ''],
    ]);
    expect(report).toMatchObject({ ok: true, inserted: 3 });
    expect(report.warnings).toEqual(['1 closed opportunity has no won value (row 2): counted as lost']);
    const stored = await t.db.kysely
      .selectFrom('opportunities')
      .select(['id', 'won'])
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      { id: 'OP1', won: null },
      { id: 'OP2', won: 1 },
      { id: 'OP3', won: null },
    ]);
  });

  it('resolves forward references across write batches (foreign keys are checked at commit)', async () => {
    // A chain U1 → U2 → … → U1500 → GROUP: every parent comes later in the file, most in a later batch.
    const count = 1500;
    const rows = [['id', 'name', 'parent_id']];
    for (let i = 1; i <= count; i++) rows.push([`U${i}`, `unit ${i}`, i === count ? 'GROUP' : `U${i + 1}`]);
    const report = await importCsv(t.db, tmp.dir, 'units', rows);
    expect(report).toMatchObject({ ok: true, inserted: count });
    const first = await t.db.kysely
      .selectFrom('units')
      .select('parent_id')
      .where('id', '=', 'U1')
      .executeTakeFirstOrThrow();
    expect(first.parent_id).toBe('U2');
  });
});
