import { beforeAll, expect, it } from 'vitest';
import { type Client, useTestApp } from '../../../test/app.ts';
import { describeDb } from '../../../test/db.ts';
import { BAD_PLAN_YAML, TEST_PLAN_YAML } from '../closes/closes.test-support.ts';
import { latestFiscalYearStart } from './plans.repository.ts';

describeDb('plan versions (API)', () => {
  const t = useTestApp();
  let finance: Client;
  let rep: Client;

  beforeAll(async () => {
    finance = await t.signIn({ login: 'fin', role: 'finance' });
    rep = await t.signIn({ login: 'rep', role: 'rep' });
  });

  it('refuses an invalid plan listing every error by path, and stores nothing', async () => {
    const response = await finance.post('/api/v1/plans', { yaml: BAD_PLAN_YAML });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.field).toBe(error.details[0].path);
    const paths = error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['scorecards[0].groups[0].weight', 'scorecards[0].groups[0].items[0].weight']),
    );
    expect((await finance.get('/api/v1/plans')).json()).toEqual({ versions: [] });
    expect(await latestFiscalYearStart(t.db.kysely)).toBe(1);
  });

  it('stores versions, keeps earlier ones readable and diffs them; only finance and admin apply', async () => {
    const first = await finance.post('/api/v1/plans', { yaml: TEST_PLAN_YAML, note: 'first' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ version: 1, previousVersion: null, changes: [] });

    const second = TEST_PLAN_YAML.replace('fiscal_year_start: 1', 'fiscal_year_start: 4').replace(
      'rate: 0.02',
      'rate: 0.025',
    );
    const applied = (await finance.post('/api/v1/plans', { yaml: second })).json();
    expect(applied.version).toBe(2);
    expect(applied.changes.map((c: { path: string }) => c.path)).toEqual(
      expect.arrayContaining(['calendar.fiscal_year_start']),
    );
    expect(applied.changes.length).toBe(2);
    expect(await latestFiscalYearStart(t.db.kysely)).toBe(4);

    const list = (await rep.get('/api/v1/plans')).json();
    expect(list.versions.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([
      [2, null],
      [1, 'first'],
    ]);
    const v1 = (await rep.get('/api/v1/plans/1')).json();
    expect(v1.yaml).toBe(TEST_PLAN_YAML);
    expect(v1.plan.calendar.fiscalYearStart).toBe(1);
    expect(v1.file.calendar).toEqual({ fiscal_year_start: 1 });
    expect(v1.file.compensation[0].components[0].tiers).toEqual([
      { upto: '4000', rate: '0.01' },
      { rate: '0.02' },
    ]);
    const diff = (await rep.get('/api/v1/plans/2/diff?against=1')).json();
    expect(diff).toMatchObject({ version: 2, against: 1 });
    expect(diff.changes).toEqual(applied.changes);
    expect((await rep.get('/api/v1/plans/9')).statusCode).toBe(404);
    expect((await rep.post('/api/v1/plans', { yaml: TEST_PLAN_YAML })).statusCode).toBe(403);

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'plan.apply')
      .execute();
    expect(audit.map((a) => a.entity_id)).toEqual(['1', '2']);
  });
});
