import { beforeAll, expect, it } from 'vitest';
import { type Client, useTestApp } from '../../../test/app.ts';
import { describeDb } from '../../../test/db.ts';
import { insertSmallCompany } from '../../../test/fixtures/small-company.ts';
import { EXPECTED_2026, TEST_PLAN_YAML } from '../closes/closes.test-support.ts';

/** Above 4000 the commission rate goes 2% → 3%: r2 +10.00 (1000 × 1%), r3 +25.00 (2500 × 1%). */
const RICHER_PLAN = TEST_PLAN_YAML.replace('{ rate: 0.02 }', '{ rate: 0.03 }');

const BAD_WEIGHT = TEST_PLAN_YAML.replace('weight: 1, scoring', 'weight: -5, scoring');

describeDb('plan preview (API)', () => {
  const t = useTestApp({ now: () => new Date('2027-01-05T10:00:00') });
  let finance: Client;
  let admin: Client;
  let manager: Client;
  let rep: Client;

  beforeAll(async () => {
    await insertSmallCompany(t.db.kysely);
    await t.app.facts.refresh();
    finance = await t.signIn({ login: 'fin1', role: 'finance', personId: 'fin1' });
    admin = await t.signIn({ login: 'root', role: 'admin' });
    manager = await t.signIn({ login: 'm1', role: 'manager', personId: 'm1' });
    rep = await t.signIn({ login: 'r1', role: 'rep', personId: 'r1' });
  });

  const preview = (client: Client, yaml: string) => client.post('/api/v1/plans/preview', { yaml });
  const count = async (table: 'close_runs' | 'plan_versions') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('is for finance and admin only; answers 409 while no close has been run', async () => {
    expect((await preview(rep, TEST_PLAN_YAML)).statusCode).toBe(403);
    expect((await preview(manager, TEST_PLAN_YAML)).statusCode).toBe(403);
    const none = await preview(finance, TEST_PLAN_YAML);
    expect(none.statusCode).toBe(409);
    expect(none.json().error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/no close/) });
  });

  it('names the path of every error of the draft', async () => {
    const response = await preview(
      finance,
      BAD_WEIGHT.replace('fiscal_year_start: 1', 'fiscal_year_start: 13'),
    );
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((d: { path: string }) => d.path)).toEqual([
      'calendar.fiscal_year_start',
      'scorecards[0].groups[0].items[0].weight',
    ]);
    expect(error.field).toBe('calendar.fiscal_year_start');
  });

  it('gives exactly the close that applying the draft and running it would store, and stores nothing', async () => {
    expect((await finance.post('/api/v1/plans', { yaml: TEST_PLAN_YAML })).statusCode).toBe(201);
    const first = await finance.post('/api/v1/closes', { period: '2026', asOf: '2026-12-31' });
    expect(first.statusCode, first.body).toBe(201);

    const same = (await preview(admin, TEST_PLAN_YAML)).json();
    expect(same).toMatchObject({
      period: '2026',
      asOf: '2026-12-31',
      basedOnRun: { id: 1, planVersion: 1 },
      totals: { totalPay: '1360.00', before: '1360.00', change: '0.00' },
      diff: [],
      changes: [],
    });

    const response = await preview(finance, RICHER_PLAN);
    expect(response.statusCode, response.body).toBe(200);
    const richer = response.json();
    expect(richer.totals).toEqual({ totalPay: '1395.00', before: '1360.00', change: '35.00' });
    expect(richer.people.map((p: { id: string; change: string }) => [p.id, p.change])).toEqual([
      ['r1', '0.00'],
      ['r2', '10.00'],
      ['r3', '25.00'],
    ]);
    expect(richer.people[1]).toMatchObject({
      name: expect.any(String),
      unitId: 'T2',
      score: 100,
      grade: 'A',
      totalPay: '495.00',
      before: { score: 100, grade: 'A', totalPay: '485.00' },
    });
    expect(richer.changes.map((c: { path: string }) => c.path)).toEqual([
      'compensation[rep-pay].components[commission].tiers[1].rate',
    ]);
    expect(richer.yaml).toContain('rate: 0.03');
    expect(richer.file.compensation[0].components[0].tiers[1]).toEqual({ rate: '0.03' });
    expect(await count('close_runs')).toBe(1);
    expect(await count('plan_versions')).toBe(1);

    // Apply the draft and run the same close for real: the preview said exactly this.
    expect((await finance.post('/api/v1/plans', { yaml: RICHER_PLAN })).statusCode).toBe(201);
    const second = (await finance.post('/api/v1/closes', { period: '2026', asOf: '2026-12-31' })).json();
    expect(second.diff).toEqual(richer.diff);
    const stored = (await finance.get(`/api/v1/closes/${second.run.id}`)).json().result;
    expect(stored.people.map((p: { id: string; total_pay: string }) => [p.id, p.total_pay])).toEqual(
      richer.people.map((p: { id: string; totalPay: string }) => [p.id, p.totalPay]),
    );
    expect(EXPECTED_2026.people.map((p) => p.score)).toEqual(
      richer.people.map((p: { score: number }) => p.score),
    );
  });
});
