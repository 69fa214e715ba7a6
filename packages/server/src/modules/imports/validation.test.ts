import { beforeAll, describe, expect, it } from 'vitest';
import { describeDb, useTestDb } from '../../../test/db.ts';
import type { EntityName } from '../entities/entities.ts';
import { dumpTables, importCsv, importOk, seedCompany, useTempDir } from './fixtures/files.ts';
import type { ImportError } from './import.service.ts';

interface BadFileCase {
  readonly name: string;
  readonly entity: EntityName;
  readonly rows: string[][];
  readonly errors: ImportError[];
}

// Each case is one file whose every bad row must be reported (contract §1), against the
// company of seedCompany: units HQ > T1, T2; people M1, R1, R2; product P1; customer C1.
const CASES: BadFileCase[] = [
  {
    name: 'required values, ids, enums and dates of people',
    entity: 'people',
    rows: [
      ['id', 'name', 'unit_id', 'role', 'hire_date', 'leave_date', 'email'],
      ['  ', 'x', 'T1', 'rep', '2026-01-01', '', ''],
      ['P9', '', 'T1', 'boss', '2026-13-01', '', ''],
      ['P10', 'y', 'T1', 'REP', '2026-02-01', '2026-01-31', ''],
    ],
    errors: [
      { row: 2, column: 'id', value: '  ', reason: 'is required but empty' },
      { row: 3, column: 'name', value: '', reason: 'is required but empty' },
      { row: 3, column: 'role', value: 'boss', reason: 'is not one of: rep, manager, hr, finance, admin' },
      { row: 3, column: 'hire_date', value: '2026-13-01', reason: 'is not a real calendar date' },
      { row: 4, column: 'leave_date', value: '2026-01-31', reason: 'is before hire_date (2026-02-01)' },
    ],
  },
  {
    name: 'money, dates and references of orders, and duplicate ids',
    entity: 'orders',
    rows: [
      ['id', 'date', 'rep_id', 'customer_id', 'product_id', 'amount', 'cost'],
      ['O1', '05/01/2026', 'R1', 'C1', 'P1', '1e3', ''],
      ['O2', '2026-01-05', 'R9', 'C9', 'P9', '12.345', 'abc'],
      ['O1', '2026-01-05', 'R1', 'C1', 'P1', '1', ''],
    ],
    errors: [
      { row: 2, column: 'date', value: '05/01/2026', reason: 'is not a date (expected YYYY-MM-DD)' },
      {
        row: 2,
        column: 'amount',
        value: '1e3',
        reason: 'is not an amount (expected a decimal like 1234.50)',
      },
      { row: 3, column: 'amount', value: '12.345', reason: 'has more than 2 decimal places' },
      { row: 3, column: 'cost', value: 'abc', reason: 'is not an amount (expected a decimal like 1234.50)' },
      { row: 3, column: 'rep_id', value: 'R9', reason: 'no person has this id' },
      { row: 3, column: 'customer_id', value: 'C9', reason: 'no customer has this id' },
      { row: 3, column: 'product_id', value: 'P9', reason: 'no product has this id' },
      { row: 4, column: 'id', value: 'O1', reason: 'this id is already on row 2' },
    ],
  },
  {
    name: 'survey kinds, integer scores and their ranges',
    entity: 'surveys',
    rows: [
      ['id', 'date', 'rep_id', 'kind', 'score'],
      ['S1', '2026-01-01', 'R1', 'nps', '11'],
      ['S2', '2026-01-01', 'R1', 'csat', '0'],
      ['S3', '2026-01-01', 'R1', 'csat', '4.5'],
      ['S4', '2026-01-01', 'R1', 'ces', '3'],
      ['S5', '2026-01-01', 'R1', 'nps', '0'],
    ],
    errors: [
      { row: 2, column: 'score', value: '11', reason: 'a nps score must be from 0 to 10' },
      { row: 3, column: 'score', value: '0', reason: 'a csat score must be from 1 to 5' },
      { row: 4, column: 'score', value: '4.5', reason: 'is not a whole number' },
      { row: 5, column: 'kind', value: 'ces', reason: 'is not one of: nps, csat' },
    ],
  },
  {
    name: 'opportunities: won only when closed, closed ones say won, booleans, closed_on after created_on',
    entity: 'opportunities',
    rows: [
      ['id', 'rep_id', 'created_on', 'amount', 'closed_on', 'won'],
      ['OP1', 'R1', '2026-01-01', '100', '', 'true'],
      ['OP2', 'R1', '2026-01-01', '100', '2026-02-01', ''],
      ['OP3', 'R1', '2026-01-01', '100', '2026-02-01', 'maybe'],
      ['OP4', 'R1', '2026-03-01', '100', '2026-02-01', '否'],
      ['OP5', 'R1', '2026-01-01', '100', '2026-02-01', '是'],
      ['OP6', 'R1', '2026-01-01', '100', '', ''],
    ],
    errors: [
      {
        row: 2,
        column: 'won',
        value: 'true',
        reason: 'is set but closed_on is empty (won stays empty while open)',
      },
      { row: 3, column: 'won', value: '', reason: 'is empty but closed_on is set (say true or false)' },
      {
        row: 4,
        column: 'won',
        value: 'maybe',
        reason: 'is not true or false (also accepted: 1/0, yes/no, 是/否)',
      },
      { row: 5, column: 'closed_on', value: '2026-02-01', reason: 'is before created_on (2026-03-01)' },
    ],
  },
  {
    name: 'leads converted before created and complaints resolved before filed',
    entity: 'leads',
    rows: [
      ['id', 'created_on', 'rep_id', 'converted_on'],
      ['L1', '2026-02-01', 'R1', '2026-01-01'],
      ['L2', '2026-02-01', 'R1', '2026-02-01'],
    ],
    errors: [
      { row: 2, column: 'converted_on', value: '2026-01-01', reason: 'is before created_on (2026-02-01)' },
    ],
  },
  {
    name: 'complaints resolved before they were made',
    entity: 'complaints',
    rows: [
      ['id', 'date', 'rep_id', 'resolved_on'],
      ['CP1', '2026-02-01', 'R1', '2026-01-31'],
    ],
    errors: [{ row: 2, column: 'resolved_on', value: '2026-01-31', reason: 'is before date (2026-02-01)' }],
  },
  {
    name: 'order credits: shares in (0, 1], summing to exactly 1 per order, reps existing and once per order',
    entity: 'order_credits',
    rows: [
      ['order_id', 'rep_id', 'share'],
      ['SO1', 'R1', '0.5'],
      ['SO2', 'R1', '1.5'],
      ['SO1', 'R2', '0.4'],
      ['SO3', 'R1', '0.5'],
      ['SO3', 'R1', '0.5'],
      ['O4', 'R1', '1'],
      ['SO2', 'NOBODY', '0'],
    ],
    errors: [
      {
        row: 2,
        column: 'share',
        value: '0.9',
        reason: 'the shares of order SO1 sum to 0.9 (rows 2, 4), not 1',
      },
      { row: 3, column: 'share', value: '1.5', reason: 'must be greater than 0 and at most 1' },
      {
        row: 4,
        column: 'share',
        value: '0.9',
        reason: 'the shares of order SO1 sum to 0.9 (rows 2, 4), not 1',
      },
      { row: 6, column: 'rep_id', value: 'R1', reason: 'this rep already has a share of this order (row 5)' },
      { row: 7, column: 'order_id', value: 'O4', reason: 'no order has this id' },
      { row: 8, column: 'share', value: '0', reason: 'must be greater than 0 and at most 1' },
      { row: 8, column: 'rep_id', value: 'NOBODY', reason: 'no person has this id' },
    ],
  },
  {
    name: 'goals: periods, metrics, scopes, decimals and duplicate keys',
    entity: 'goals',
    rows: [
      ['period', 'scope', 'metric', 'value', 'product_line', 'floor'],
      ['2026-Q5', 'R1', 'revenue', '100', '', ''],
      ['2026-Q1', 'R1', 'happiness', '100', '', ''],
      ['2026-Q1', 'NOBODY', 'visits', '10', '', ''],
      ['2026-Q1', 'T1', 'revenue', '100.005', '', 'x'],
      ['2026-Q1', 'T1', 'revenue{product_line=A}', '100', '', ''],
      ['2026-Q1', 'R1', 'revenue', '100', 'A', ''],
      ['2026-Q1', 'R1', 'revenue', '200', 'A', ''],
      ['2026-Q2', 'T1', 'revenue', '100.005', '', '1.5'],
      ['2026-Q2', 'T1', 'win_rate', '0.125', '', ''],
    ],
    errors: [
      {
        row: 2,
        column: 'period',
        value: '2026-Q5',
        reason: 'is not a period (2026, 2026-H1, 2026-Q3, 2026-07, 2026-W27 or 2026-07-01..2026-08-15)',
      },
      { row: 3, column: 'metric', value: 'happiness', reason: 'is not a known metric' },
      {
        row: 4,
        column: 'scope',
        value: 'NOBODY',
        reason: 'no unit or person has this id (import units and people first)',
      },
      { row: 5, column: 'floor', value: 'x', reason: 'is not a decimal number' },
      {
        row: 6,
        column: 'metric',
        value: 'revenue{product_line=A}',
        reason: 'has filters in braces: put them in the product_line, customer_type and region columns',
      },
      {
        row: 8,
        column: 'period',
        value: '2026-Q1',
        reason: 'this period + scope + metric + product_line + customer_type + region is already on row 7',
      },
      {
        row: 9,
        column: 'value',
        value: '100.005',
        reason: 'has more than 2 decimal places (revenue is money)',
      },
    ],
  },
  {
    name: 'unit moves: unknown people and units, one move per person and day',
    entity: 'unit_moves',
    rows: [
      ['person_id', 'unit_id', 'effective_from'],
      ['R1', 'T2', '2026-03-01'],
      ['R1', 'T1', '2026-03-01'],
      ['R9', 'T9', '2026-03-01'],
    ],
    errors: [
      {
        row: 3,
        column: 'person_id',
        value: 'R1',
        reason: 'this person_id + effective_from is already on row 2',
      },
      { row: 4, column: 'person_id', value: 'R9', reason: 'no person has this id' },
      { row: 4, column: 'unit_id', value: 'T9', reason: 'no unit has this id' },
    ],
  },
  {
    name: 'units: a second root, self parents, cycles and unknown parents',
    entity: 'units',
    rows: [
      ['id', 'name', 'parent_id'],
      ['ROOT2', 'x', ''],
      ['A', 'a', 'B'],
      ['B', 'b', 'A'],
      ['C', 'c', 'C'],
      ['D', 'd', 'ZZ'],
    ],
    errors: [
      {
        row: 2,
        column: 'parent_id',
        value: '',
        reason: 'there would be 2 root units (HQ, ROOT2): exactly one unit may have an empty parent_id',
      },
      { row: 3, column: 'parent_id', value: 'B', reason: 'the parent_id chain loops: A → B → A' },
      { row: 4, column: 'parent_id', value: 'A', reason: 'the parent_id chain loops: A → B → A' },
      { row: 5, column: 'parent_id', value: 'C', reason: 'a unit cannot be its own parent_id' },
      { row: 6, column: 'parent_id', value: 'ZZ', reason: 'no unit has this id, stored or in this file' },
    ],
  },
  {
    name: 'people: a manager chain through stored people that loops',
    entity: 'people',
    rows: [
      ['id', 'name', 'unit_id', 'role', 'hire_date', 'manager_id'],
      ['M1', '王经理', 'T1', 'manager', '2020-01-01', 'R1'],
    ],
    errors: [
      { row: 2, column: 'manager_id', value: 'R1', reason: 'the manager_id chain loops: M1 → R1 → M1' },
    ],
  },
  {
    name: 'headers: a missing required column and a column named twice',
    entity: 'products',
    rows: [
      ['ID', '编号', '产品名称'],
      ['P5', 'P5', 'x'],
    ],
    errors: [
      { row: 1, column: 'id', value: '编号', reason: '"ID" and "编号" both name the column id' },
      { row: 1, column: 'line', value: '', reason: 'the required column line (产品线) is missing' },
    ],
  },
];

describeDb('import: every bad row is reported and nothing is written', () => {
  const t = useTestDb();
  const tmp = useTempDir();
  beforeAll(async () => {
    await seedCompany(t.db);
    await importOk(
      t.db,
      'orders',
      ['SO1', 'SO2', 'SO3'].map((id) => ({
        id,
        date: '2026-01-01',
        rep_id: 'R1',
        customer_id: 'C1',
        product_id: 'P1',
        amount: '10',
      })),
    );
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const before = await dumpTables(t.db);
      const report = await importCsv(t.db, tmp.dir, c.entity, c.rows);
      expect(report.errors).toEqual(c.errors);
      expect(report.ok).toBe(false);
      expect(await dumpTables(t.db)).toEqual(before);
    });
  }
});

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
    const credits = await t.db.kysely.selectFrom('order_credits').selectAll().orderBy('order_id').execute();
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
});

describe('the cases above', () => {
  it('cover every entity with a rule beyond cell types', () => {
    const covered = new Set(CASES.map((c) => c.entity));
    for (const entity of [
      'people',
      'orders',
      'surveys',
      'opportunities',
      'leads',
      'complaints',
      'order_credits',
      'goals',
      'unit_moves',
      'units',
    ]) {
      expect(covered.has(entity as EntityName)).toBe(true);
    }
  });
});
