import { renderExplainLine } from '@attain/engine';
import { beforeAll, expect, it } from 'vitest';
import { type Client, useTestApp } from '../../../test/app.ts';
import { describeDb } from '../../../test/db.ts';
import { insertSmallCompany } from '../../../test/fixtures/small-company.ts';
import { addOrder, R1_AFTER_EXTRA_ORDER, TEST_PLAN_YAML } from '../closes/closes.test-support.ts';

describeDb('statements (API)', () => {
  const t = useTestApp({ now: () => new Date('2027-01-05T10:00:00') });
  let finance: Client;
  let m1: Client;
  let r1: Client;
  let r3: Client;

  beforeAll(async () => {
    await insertSmallCompany(t.db.kysely);
    await t.app.facts.refresh();
    finance = await t.signIn({ login: 'fin1', role: 'finance', personId: 'fin1' });
    m1 = await t.signIn({ login: 'm1', role: 'manager', personId: 'm1' });
    r1 = await t.signIn({ login: 'r1', role: 'rep', personId: 'r1' });
    r3 = await t.signIn({ login: 'r3', role: 'rep', personId: 'r3' });
    expect((await finance.post('/api/v1/plans', { yaml: TEST_PLAN_YAML })).statusCode).toBe(201);
    expect((await finance.post('/api/v1/closes', { period: '2026', asOf: '2026-12-31' })).statusCode).toBe(
      201,
    );
  });

  it('a rep reads his own statement, with score, items and explained pay lines', async () => {
    const response = await r1.get('/api/v1/statements/r1');
    expect(response.statusCode, response.body).toBe(200);
    const statement = response.json();
    expect(statement).toMatchObject({
      close: { id: 1, period: '2026', state: 'draft', planVersion: 1 },
      person: { id: 'r1', name: '人员r1', unitId: 'T1', unitName: '上海一部' },
      score: 70,
      grade: 'A',
      rankInUnit: 1,
      totalPay: '460.00',
      sincePrevious: { previousId: null, change: null },
    });
    expect(statement.items[0]).toMatchObject({ metric: 'revenue', actual: '3500.00', score: 70 });
    expect(statement.items[0].explanation.goalSource).toBe('target');
    const [commission, pool] = statement.pay;
    expect(commission).toMatchObject({ component: 'commission', amount: '35.00', type: 'tiered_commission' });
    expect(commission.lines.length).toBeGreaterThan(0);
    expect(commission.events).toBe('/api/v1/statements/r1/lines/commission/events?closeId=1');
    expect(pool).toMatchObject({ component: 'pool', amount: '425.00', type: 'bonus_pool' });
  });

  it("explanation lines come with codes for the reader's language; a run stored before them still reads", async () => {
    const statement = (await r1.get('/api/v1/statements/r1')).json();
    const explained = [
      [statement.scoreLines, statement.scoreStructured],
      [statement.rankLines, statement.rankStructured],
      [statement.promotionLines, statement.promotionStructured],
      [statement.items[0].explanation.lines, statement.items[0].explanation.structured],
      ...statement.pay.map((pay: { lines: string[]; structured: unknown }) => [pay.lines, pay.structured]),
    ];
    for (const [lines, structured] of explained) {
      expect(lines.length).toBeGreaterThan(0);
      expect(structured.map(renderExplainLine)).toEqual(lines);
    }
    expect(statement.pay[0].structured[0]).toMatchObject({
      code: 'commission.head',
      params: { component: 'commission', metric: 'revenue', base: '3500' },
    });

    // A run stored before the structured lines existed: the English lines only
    const row = await t.db.kysely
      .selectFrom('close_runs')
      .select('explain_json')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const stripped = JSON.parse(row.explain_json, (key, value) => (key === 'structured' ? undefined : value));
    expect(JSON.stringify(stripped)).not.toContain('structured');
    await t.db.kysely
      .updateTable('close_runs')
      .set({ explain_json: JSON.stringify(stripped) })
      .where('id', '=', 1)
      .execute();
    const before = (await r1.get('/api/v1/statements/r1?closeId=1')).json();
    expect(before).toMatchObject({ scoreStructured: null, rankStructured: null, promotionStructured: null });
    expect(before.scoreLines).toEqual(statement.scoreLines);
    expect(before.pay[0]).toMatchObject({ lines: statement.pay[0].lines, structured: null });
    expect(before.items[0].explanation.structured).toBeUndefined();
  });

  it("a rep cannot read another rep's statement, a manager only his subtree (404)", async () => {
    expect((await r1.get('/api/v1/statements/r3')).statusCode).toBe(404);
    expect((await r3.get('/api/v1/statements/r1?closeId=1')).statusCode).toBe(404);
    expect((await r1.get('/api/v1/statements/r3/lines/commission/events')).statusCode).toBe(404);
    expect((await r1.post('/api/v1/statements/r3/what-if', { deltas: { revenue: '1.00' } })).statusCode).toBe(
      404,
    );
    expect((await m1.get('/api/v1/statements/r1')).statusCode).toBe(200);
    expect((await m1.get('/api/v1/statements/r2')).statusCode).toBe(404); // r2 is in T2 at year end
    expect((await finance.get('/api/v1/statements/r3')).statusCode).toBe(200);
    expect((await r1.get('/api/v1/statements/r1?period=2026')).json().close.id).toBe(1);
    expect((await r1.get('/api/v1/statements/r1?period=2026-Q1')).statusCode).toBe(404);
  });

  it('drills a commission line down to its orders, and a pool line to its unit orders, paged', async () => {
    const commission = (await r1.get('/api/v1/statements/r1/lines/commission/events?closeId=1')).json();
    expect(commission).toMatchObject({ closeId: 1, component: 'commission', source: 'run', total: 2 });
    expect(commission.events).toEqual([
      {
        kind: 'order',
        id: 'o-r1',
        date: '2026-03-01',
        credited: '1000.00',
        amount: '1000.00',
        orderId: 'o-r1',
        repId: 'r1',
        customerId: 'C1',
        productId: 'P1',
      },
      expect.objectContaining({ id: 'o-split', credited: '2500.00', amount: '5000.00', repId: 'r3' }),
    ]);
    const pool = (await r1.get('/api/v1/statements/r1/lines/pool/events?pageSize=3')).json();
    expect(pool).toMatchObject({ source: 'live', total: 4, page: 1, pageSize: 3 });
    expect(pool.events.map((e: { id: string }) => e.id)).toEqual(['o-r1', 'o-split', 'o-r2-july']);
    expect(pool.events[0].unit).toBe('EAST');
    const page2 = (await r1.get('/api/v1/statements/r1/lines/pool/events?pageSize=3&page=2')).json();
    expect(page2.events.map((e: { id: string }) => e.id)).toEqual(['o-r2-sept']);
    expect((await r1.get('/api/v1/statements/r1/lines/nope/events')).statusCode).toBe(404);

    // A run stored without its events (too many: MAX_STORED_EVENTS) drills down through the live facts.
    const row = await t.db.kysely
      .selectFrom('close_runs')
      .select('explain_json')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const explain = JSON.parse(row.explain_json);
    for (const pay of explain.people.r1.pay) delete pay.events;
    await t.db.kysely
      .updateTable('close_runs')
      .set({ explain_json: JSON.stringify(explain) })
      .where('id', '=', 1)
      .execute();
    const live = (await r1.get('/api/v1/statements/r1/lines/commission/events?closeId=1')).json();
    expect(live).toMatchObject({ source: 'live', total: 2 });
    expect(live.events).toEqual(commission.events);
  });

  it('what-if equals a close with the added revenue', async () => {
    const bad = await r1.post('/api/v1/statements/r1/what-if', { deltas: { revenue: '1.234' } });
    expect(bad.statusCode).toBe(400);
    const unknown = await r1.post('/api/v1/statements/r1/what-if', { deltas: { bogus: '1.00' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('deltas');
    const response = await r1.post('/api/v1/statements/r1/what-if', { deltas: { revenue: '1000.00' } });
    expect(response.statusCode, response.body).toBe(200);
    const estimate = response.json();
    expect(estimate).toMatchObject({
      closeId: 1,
      current: { total_pay: '460.00' },
      difference: '65.00',
      deltas: { revenue: 100000 },
    });
    expect(estimate.estimated).toEqual(R1_AFTER_EXTRA_ORDER);

    await addOrder(t.db.kysely, 'o-r1-june', '2026-06-01', 'r1', 100000);
    const rerun = (await finance.post('/api/v1/closes', { period: '2026', asOf: '2026-12-31' })).json();
    const after = (await r1.get(`/api/v1/statements/r1?closeId=${rerun.run.id}`)).json();
    expect(after.totalPay).toBe(estimate.estimated.total_pay);
    expect(after.sincePrevious.previousId).toBe(1);
    expect(after.sincePrevious.change.totalPayDelta).toBe('65.00');
  });
});
