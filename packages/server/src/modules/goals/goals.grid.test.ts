import { beforeAll, expect, it } from 'vitest';
import type { Client } from '../../../test/app.ts';
import { useTestApp } from '../../../test/app.ts';
import { describeDb } from '../../../test/db.ts';
import { insertSmallCompany } from '../../../test/fixtures/small-company.ts';
import { cascade, cellsOf, putGoal, signInEveryone } from './goals.test-support.ts';

// The small company (test/fixtures/small-company.ts) plus last year's orders for seasonality:
// r1 2025-01 100.00, 2025-02 300.00; m2 (T2) 2025-05 100.00. So in 2025 T1 sold 400.00, T2 100.00.
describeDb('goal grid, edit and cascade', () => {
  const t = useTestApp({ now: () => new Date('2026-11-23T10:00:00') });
  let as: Awaited<ReturnType<typeof signInEveryone>>;
  let admin: Client;

  beforeAll(async () => {
    await insertSmallCompany(t.db.kysely);
    const order = (id: string, date: string, rep: string, amount: number) => ({
      id,
      date,
      rep_id: rep,
      customer_id: 'C1',
      product_id: 'P1',
      amount,
      cost: null,
    });
    await t.db.kysely
      .insertInto('orders')
      .values([
        order('ly-1', '2025-01-10', 'r1', 10000),
        order('ly-2', '2025-02-10', 'r1', 30000),
        order('ly-3', '2025-05-10', 'm2', 10000),
      ])
      .execute();
    as = await signInEveryone(t);
    admin = as.admin;
  });

  const grid = async (client: Client, query: string) => {
    const response = await client.get(`/api/v1/goals/grid?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('lists the subtree in tree order with 12 months, 4 quarters and the year', async () => {
    const body = await grid(admin, 'year=2026&root=EAST&metric=revenue');
    expect(body.columns.map((c: { period: string }) => c.period)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2026',
    ]);
    expect(body.rows.map((r: { id: string; depth: number }) => `${r.id}:${r.depth}`)).toEqual([
      'EAST:0',
      'em:1',
      'T1:1',
      'm1:2',
      'r1:2',
      'T2:1',
      'm2:2',
      'r2:2',
    ]);
    expect(body.rows[2]).toMatchObject({ kind: 'unit', name: '上海一部', parentId: 'EAST', type: 'team' });
    expect(body.rows[4]).toMatchObject({ kind: 'person', parentId: 'T1', type: 'rep', editable: true });
    expect(cellsOf(body, 'T1')['2026']).toMatchObject({
      value: '300000.00',
      status: 'agreed',
      childrenSum: '100000.00',
      childrenGap: '-200000.00',
      monthsSum: null,
      monthsGap: null,
    });
    expect(cellsOf(body, 'T2')['2026']).toMatchObject({
      value: null,
      status: null,
      childrenSum: null,
      childrenGap: null,
    });
  });

  it('sums months against quarter and year, money as money strings', async () => {
    for (const [period, value] of [
      ['2026-Q1', '300000'],
      ['2026-01', '90000'],
      ['2026-02', 100000],
      ['2026-03', '100000.50'],
    ] as const) {
      const response = await putGoal(admin, {
        period,
        scope: 'T1',
        value,
        floor: period === '2026-Q1' ? '250000' : null,
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const body = await grid(admin, 'year=2026&root=T1&metric=revenue');
    const t1 = cellsOf(body, 'T1');
    expect(t1['2026-03']).toMatchObject({ value: '100000.50', status: 'agreed' });
    expect(t1['2026-Q1']).toMatchObject({
      value: '300000.00',
      floor: '250000.00',
      stretch: null,
      monthsSum: '290000.50',
      monthsGap: '-9999.50',
    });
    expect(t1['2026']).toMatchObject({ monthsSum: '290000.50', monthsGap: '-9999.50' });
    expect(t1['2026-Q2']).toMatchObject({ value: null, monthsSum: null, monthsGap: null });
  });

  it('cascades equally in fen with largest remainder, and audits every write', async () => {
    expect((await putGoal(admin, { period: '2026', scope: 'EAST', value: '1000000.01' })).statusCode).toBe(
      200,
    );
    const response = await cascade(admin, { period: '2026', scope: 'EAST', method: 'equal' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.parts.map((p: { scope: string; value: string }) => [p.scope, p.value])).toEqual([
      ['T1', '500000.01'],
      ['T2', '500000.00'],
    ]);
    expect(body).toMatchObject({ sum: '1000000.01', gap: '0.00', written: 2, dryRun: false });
    expect(body.parts[0].previous).toBe('300000.00');
    const goal = await t.db.kysely
      .selectFrom('goals')
      .selectAll()
      .where('goal_key', '=', '2026|T2|revenue|||')
      .executeTakeFirst();
    expect(goal?.value).toBe('500000');
    const audit = (await admin.get('/api/v1/audit?entity=goals&pageSize=5')).json().rows;
    expect(audit[0]).toMatchObject({
      action: 'cascade',
      entityId: '2026|T2|revenue|||',
      after: { value: '500000' },
    });
    expect(audit[0].detail).toMatchObject({ method: 'equal', from: '2026|EAST|revenue|||' });
  });

  it("splits by last year's share among children, and to months by last year's seasonality", async () => {
    await putGoal(admin, { period: '2026', scope: 'EAST', value: '1000000' });
    const children = (
      await cascade(admin, { period: '2026', scope: 'EAST', method: 'last_year_share', dryRun: true })
    ).json();
    expect(children.parts.map((p: { value: string; basis: string }) => [p.value, p.basis])).toEqual([
      ['800000.00', '400.00'],
      ['200000.00', '100.00'],
    ]);
    expect(children).toMatchObject({ written: 0, fellBackToEqual: false });
    await putGoal(admin, { period: '2026-Q1', scope: 'r1', value: '1000' });
    const months = (
      await cascade(admin, { period: '2026-Q1', scope: 'r1', split: 'months', method: 'last_year_share' })
    ).json();
    expect(months.parts.map((p: { period: string; value: string }) => [p.period, p.value])).toEqual([
      ['2026-01', '250.00'],
      ['2026-02', '750.00'],
      ['2026-03', '0.00'],
    ]);
    const none = await cascade(admin, {
      period: '2026-Q3',
      scope: 'r1',
      split: 'months',
      method: 'last_year_share',
      dryRun: true,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.field).toBe('scope');
  });

  it('falls back to equal parts without history; splits by weights (dry run) and manual values with the gap', async () => {
    await putGoal(admin, { period: '2026-Q3', scope: 'T1', value: '900', floor: '600', stretch: '1200' });
    const fallback = (
      await cascade(admin, {
        period: '2026-Q3',
        scope: 'T1',
        split: 'months',
        method: 'last_year_share',
        dryRun: true,
      })
    ).json();
    expect(fallback.fellBackToEqual).toBe(true);
    expect(fallback.parts.map((p: { value: string; floor: string }) => [p.value, p.floor])).toEqual([
      ['300.00', '200.00'],
      ['300.00', '200.00'],
      ['300.00', '200.00'],
    ]);
    const weighted = (
      await cascade(admin, {
        period: '2026',
        scope: 'T1',
        method: 'weights',
        children: ['r1', 'm1'],
        weights: { r1: '2', m1: 1 },
        dryRun: true,
      })
    ).json();
    expect(weighted.parts.map((p: { scope: string; value: string }) => [p.scope, p.value])).toEqual([
      ['r1', '333333.34'],
      ['m1', '166666.67'],
    ]);
    expect(weighted.written).toBe(0);
    const r1 = await t.db.kysely
      .selectFrom('goals')
      .select('value')
      .where('goal_key', '=', '2026|r1|revenue|||')
      .executeTakeFirst();
    expect(r1?.value).toBe('100000');
    const manual = (
      await cascade(admin, {
        period: '2026',
        scope: 'EAST',
        method: 'manual',
        values: { T1: '600000', T2: 500000 },
      })
    ).json();
    expect(manual).toMatchObject({ sum: '1100000.00', gap: '100000.00', written: 2 });
  });

  it('copies non-additive goals and splits counts in hundredths', async () => {
    await putGoal(admin, { period: '2026', scope: 'T1', metric: 'visits', value: '100' });
    const visits = (
      await cascade(admin, {
        period: '2026',
        scope: 'T1',
        metric: 'visits',
        method: 'equal',
        children: ['m1', 'r1'],
        dryRun: true,
      })
    ).json();
    expect(visits.parts.map((p: { value: string }) => p.value)).toEqual(['50', '50']);
    const thirds = (
      await cascade(admin, {
        period: '2026',
        scope: 'T1',
        metric: 'visits',
        split: 'months',
        method: 'equal',
        dryRun: true,
      })
    ).json();
    expect(thirds.parts.slice(0, 5).map((p: { value: string }) => p.value)).toEqual([
      '8.34',
      '8.34',
      '8.34',
      '8.34',
      '8.33',
    ]);
    expect(thirds.sum).toBe('100');
    await putGoal(admin, { period: '2026', scope: 'T1', metric: 'win_rate', value: '0.35' });
    const rate = (
      await cascade(admin, { period: '2026', scope: 'T1', metric: 'win_rate', method: 'equal', dryRun: true })
    ).json();
    expect(rate.parts.map((p: { value: string }) => p.value)).toEqual(['0.35']);
    expect(rate.sum).toBeNull();
    const weights = await cascade(admin, {
      period: '2026',
      scope: 'T1',
      metric: 'win_rate',
      method: 'weights',
      weights: {},
    });
    expect(weights.json().error).toMatchObject({ code: 'validation_failed', field: 'method' });
  });

  it('keeps filtered goals apart', async () => {
    const filters = { product_line: '软件' };
    expect((await putGoal(admin, { period: '2026-05', scope: 'T1', value: '5', filters })).statusCode).toBe(
      200,
    );
    const filtered = await grid(admin, `year=2026&root=T1&product_line=${encodeURIComponent('软件')}`);
    expect(cellsOf(filtered, 'T1')['2026-05']?.value).toBe('5.00');
    expect(cellsOf(filtered, 'T1')['2026']?.value).toBeNull();
    const plain = await grid(admin, 'year=2026&root=T1');
    expect(cellsOf(plain, 'T1')['2026-05']?.value).toBeNull();
  });

  it('keeps an omitted floor or stretch on edit and clears a null one', async () => {
    await putGoal(admin, { period: '2026-11', scope: 'T2', value: '10', floor: '8', stretch: '12' });
    const kept = await putGoal(admin, { period: '2026-11', scope: 'T2', value: '11' });
    expect(kept.json()).toMatchObject({ value: '11.00', floor: '8.00', stretch: '12.00' });
    const cleared = await putGoal(admin, { period: '2026-11', scope: 'T2', value: '11', stretch: null });
    expect(cleared.json()).toMatchObject({ key: '2026-11|T2|revenue|||', floor: '8.00', stretch: null });
  });
});
