import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { type Client, useTestApp } from '../../../test/app.ts';
import { describeDb } from '../../../test/db.ts';
import { insertSmallCompany } from '../../../test/fixtures/small-company.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { CloseJobs, type CloseJobView } from './close-jobs.ts';
import { runAndStoreClose } from './closes.service.ts';
import { addOrder, EXPECTED_2026, R1_AFTER_EXTRA_ORDER, TEST_PLAN_YAML } from './closes.test-support.ts';

describeDb('close runs (API)', () => {
  const t = useTestApp({ now: () => new Date('2027-01-05T10:00:00') });
  let admin: Client;
  let finance: Client;
  let hr: Client;
  let m1: Client;
  let em: Client;
  let r1: Client;

  beforeAll(async () => {
    await insertSmallCompany(t.db.kysely);
    await t.app.facts.refresh();
    admin = await t.signIn({ login: 'root', role: 'admin' });
    finance = await t.signIn({ login: 'fin1', role: 'finance', personId: 'fin1' });
    hr = await t.signIn({ login: 'hr1', role: 'hr', personId: 'hr1' });
    m1 = await t.signIn({ login: 'm1', role: 'manager', personId: 'm1' });
    em = await t.signIn({ login: 'em', role: 'manager', personId: 'em' });
    r1 = await t.signIn({ login: 'r1', role: 'rep', personId: 'r1' });
  });

  const runClose = (client: Client, body: object) => client.post('/api/v1/closes', body);

  it('answers 400 before a plan is applied; only finance and admin run closes', async () => {
    const none = await runClose(finance, { period: '2026', asOf: '2026-12-31' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toMatch(/no plan has been applied/);
    expect((await finance.post('/api/v1/plans', { yaml: TEST_PLAN_YAML })).statusCode).toBe(201);
    expect((await runClose(m1, { period: '2026', asOf: '2026-12-31' })).statusCode).toBe(403);
    expect((await runClose(finance, { period: '2026-13', asOf: '2026-12-31' })).json().error.field).toBe(
      'period',
    );
  });

  it('computes the golden close, stores it, and scopes what each role reads', async () => {
    const created = await runClose(finance, { period: '2026', asOf: '2026-12-31' });
    expect(created.statusCode, created.body).toBe(201);
    const { run, previousId, diff } = created.json();
    expect(run).toMatchObject({ id: 1, period: '2026', state: 'draft', planVersion: 1, createdBy: 'fin1' });
    expect(previousId).toBeNull();
    expect(diff).toEqual([]);

    const full = (await hr.get('/api/v1/closes/1')).json();
    expect(full.result).toEqual(EXPECTED_2026);
    expect(full.approval).toMatchObject({
      state: 'draft',
      requiredUnits: ['T1', 'T2'],
      pendingUnits: ['T1', 'T2'],
    });
    const ids = async (client: Client) =>
      (await client.get('/api/v1/closes/1')).json().result.people.map((p: { id: string }) => p.id);
    expect(await ids(m1)).toEqual(['r1']);
    expect(await ids(em)).toEqual(['r1', 'r2']);
    expect(await ids(r1)).toEqual(['r1']);
    expect((await r1.get('/api/v1/closes?period=2026')).json().runs).toHaveLength(1);
  });

  it('a new run shows who changed, by how much and why', async () => {
    await addOrder(t.db.kysely, 'o-r1-june', '2026-06-01', 'r1', 100000);
    const second = (await runClose(finance, { period: '2026', asOf: '2026-12-31' })).json();
    expect(second.run.id).toBe(2);
    expect(second.previousId).toBe(1);
    expect(second.run.fingerprint.dataRevision).toBeGreaterThan(0);
    expect(second.diff.map((c: { id: string; totalPayDelta: string }) => [c.id, c.totalPayDelta])).toEqual([
      ['r1', '65.00'],
      ['r2', '50.00'],
    ]);
    const r1Change = second.diff[0];
    expect(r1Change.changes).toEqual(
      expect.arrayContaining([{ field: 'pay.commission', before: '35.00', after: '50.00' }]),
    );
    const full = (await hr.get('/api/v1/closes/2')).json();
    expect(full.result.people[0]).toEqual(R1_AFTER_EXTRA_ORDER);
    const seenByM1 = (await m1.get('/api/v1/closes/2/diff')).json();
    expect(seenByM1).toMatchObject({ id: 2, previousId: 1 });
    expect(seenByM1.changes.map((c: { id: string }) => c.id)).toEqual(['r1']);
  });

  it('approvals: managers for their teams, then finance; an approved period is frozen', async () => {
    expect((await r1.post('/api/v1/closes/2/approve', {})).statusCode).toBe(403);
    expect((await finance.post('/api/v1/closes/2/approve', {})).statusCode).toBe(409);
    expect((await m1.post('/api/v1/closes/1/approve', {})).statusCode).toBe(409); // superseded by run 2

    const byM1 = await m1.post('/api/v1/closes/2/approve', { comment: 'ok' });
    expect(byM1.statusCode, byM1.body).toBe(200);
    expect(byM1.json()).toMatchObject({ state: 'draft', pendingUnits: ['T2'] });
    expect((await m1.post('/api/v1/closes/2/approve', {})).statusCode).toBe(409);
    // The regional manager's approval covers T2 below him.
    expect((await em.post('/api/v1/closes/2/approve', {})).json()).toMatchObject({
      state: 'manager_approved',
      pendingUnits: [],
    });
    expect((await m1.post('/api/v1/closes/2/approve', {})).statusCode).toBe(409);
    const done = (await finance.post('/api/v1/closes/2/approve', {})).json();
    expect(done.state).toBe('finance_approved');
    expect(
      done.approvals.map((a: { stage: string; approver: string }) => `${a.stage}:${a.approver}`),
    ).toEqual(['manager:m1', 'manager:em', 'finance:fin1']);
    expect((await finance.post('/api/v1/closes/2/approve', {})).statusCode).toBe(409);

    const frozen = await runClose(finance, { period: '2026', asOf: '2026-12-31' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.field).toBe('reason');
    const third = await runClose(admin, { period: '2026', asOf: '2026-12-31', reason: 'late return' });
    expect(third.statusCode).toBe(201);
    expect(third.json()).toMatchObject({ run: { id: 3, state: 'draft', reason: 'late return' }, diff: [] });
    expect((await hr.get('/api/v1/closes/2')).json().state).toBe('finance_approved');
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'close')
      .execute();
    expect(audit.filter((a) => a.action === 'close.approve')).toHaveLength(3);
  });

  it('runs in the background with a job showing its step, then the stored run or the error', async () => {
    const poll = async (client: Client, id: string) => {
      for (;;) {
        const { job } = (await client.get(`/api/v1/closes/jobs/${id}`)).json();
        if (job.state !== 'running') return job;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const started = await runClose(admin, { period: '2026', asOf: '2026-12-31', background: true });
    expect(started.statusCode).toBe(202);
    expect(started.json().job).toMatchObject({
      period: '2026',
      state: 'running',
      step: 'loading',
      phase: null,
      done: null,
      total: null,
      percent: 0,
    });
    expect((await finance.get(`/api/v1/closes/jobs/${started.json().job.id}`)).statusCode).toBe(404);
    // Run 2 is approved: without a reason the job fails with the conflict.
    expect(await poll(admin, started.json().job.id)).toMatchObject({
      state: 'failed',
      error: { code: 'conflict', field: 'reason' },
    });
    const withReason = await runClose(admin, {
      period: '2026',
      asOf: '2026-12-31',
      background: true,
      reason: 'recheck',
    });
    const done = await poll(admin, withReason.json().job.id);
    expect(done).toMatchObject({
      state: 'done',
      step: 'done',
      phase: null,
      percent: 100,
      result: { run: { id: 4, reason: 'recheck' } },
    });
    // 3 people × (metrics, scoring, pay), 2 region pools, the awards
    expect([done.done, done.total]).toEqual([12, 12]);
  });

  it("a background run shows the engine's progress between its chunks", async () => {
    const jobs = new CloseJobs();
    const ctx = { db: t.db, facts: t.app.facts, now: () => new Date('2027-01-05T10:00:00') };
    const query = { period: '2026', asOf: '2026-12-31', reason: 'progress' };
    // one person (or pool) per chunk: the close yields to the event loop after each
    const started = jobs.start('2026', SYSTEM_ACTOR, (report) =>
      runAndStoreClose(ctx, SYSTEM_ACTOR, query, report, { chunkSize: 1 }),
    );
    const seen: CloseJobView[] = [started];
    while (seen.at(-1)!.state === 'running') {
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(jobs.get(started.id, SYSTEM_ACTOR));
    }
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ state: 'done', step: 'done', percent: 100, done: 12, total: 12 });
    expect(last.result?.run.reason).toBe('progress');
    const computing = seen.filter((job) => job.step === 'computing' && job.total !== null);
    const between = new Set(
      computing.filter((job) => job.done! > 0 && job.done! < 12).map((job) => job.done),
    );
    expect(between.size).toBeGreaterThanOrEqual(2);
    expect(new Set(computing.map((job) => job.phase))).toEqual(
      new Set(['metrics', 'scoring', 'pools', 'awards', 'pay']),
    );
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.percent).toBeGreaterThanOrEqual(seen[i - 1]!.percent);
      expect(seen[i]!.done ?? 0).toBeGreaterThanOrEqual(seen[i - 1]!.done ?? 0);
    }
    expect(computing.some((job) => job.percent > 0 && job.percent < 100)).toBe(true);
  });

  it('payroll export: finance and admin only, CSV and XLSX with 2-decimal money', async () => {
    expect((await m1.get('/api/v1/closes/1/payroll.csv')).statusCode).toBe(403);
    expect((await hr.get('/api/v1/closes/1/payroll.xlsx')).statusCode).toBe(403);
    const csv = await finance.get('/api/v1/closes/1/payroll.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body.replace(/^\ufeff/, '').split('\r\n')).toEqual([
      'person_id,name,unit_id,unit_name,commission,pool,total_pay',
      'r1,人员r1,T1,上海一部,35.00,425.00,460.00',
      'r2,人员r2,T2,上海二部,60.00,425.00,485.00',
      'r3,人员r3,T3,成都,90.00,325.00,415.00',
      '',
    ]);
    const xlsx = await admin.get('/api/v1/closes/1/payroll.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).getCell(7).value).toBe(460);
    expect(sheet?.getRow(2).getCell(7).numFmt).toBe('#,##0.00');
  });
});
