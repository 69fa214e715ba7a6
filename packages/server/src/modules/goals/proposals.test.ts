import { beforeAll, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { describeDb } from '../../../test/db.ts';
import { insertSmallCompany } from '../../../test/fixtures/small-company.ts';
import { cascade, cellsOf, putGoal, signInEveryone } from './goals.test-support.ts';
import { isPeriodLocked } from './locks.repository.ts';

describeDb('goal proposals and locks', () => {
  const t = useTestApp({ now: () => new Date('2026-11-23T10:00:00') });
  let as: Awaited<ReturnType<typeof signInEveryone>>;

  beforeAll(async () => {
    await insertSmallCompany(t.db.kysely);
    as = await signInEveryone(t);
  });

  const goalValue = async (key: string) =>
    (await t.db.kysely.selectFrom('goals').select('value').where('goal_key', '=', key).executeTakeFirst())
      ?.value;

  it('cascades, then r1 proposes, m1 returns, r1 proposes again and m1 approves', async () => {
    expect((await putGoal(as.em, { period: '2026-Q1', scope: 'T1', value: '30000' })).statusCode).toBe(200);
    // On 2026-03-31 (Q1's reference date) r2 still belongs to T1: both reps share the goal.
    const cascaded = await cascade(as.em, { period: '2026-Q1', scope: 'T1', method: 'equal' });
    expect(cascaded.json().parts.map((p: { scope: string }) => p.scope)).toEqual(['r1', 'r2']);
    expect(await goalValue('2026-Q1|r1|revenue|||')).toBe('15000');

    const proposed = await as.r1.post('/api/v1/goals/proposals', {
      period: '2026-Q1',
      scope: 'r1',
      metric: 'revenue',
      value: '12000',
      comment: '一季度客户预算未到位',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id = proposed.json().id;
    expect(proposed.json()).toMatchObject({
      status: 'proposed',
      value: '12000.00',
      proposedBy: 'r1',
      canDecide: false,
    });

    // Tracking keeps the agreed value; the grid shows the pending proposal beside it.
    expect(await goalValue('2026-Q1|r1|revenue|||')).toBe('15000');
    const grid = (await as.m1.get('/api/v1/goals/grid?year=2026&root=T1')).json();
    expect(cellsOf(grid, 'r1')['2026-Q1']).toMatchObject({
      value: '15000.00',
      status: 'proposed',
      proposal: { id, status: 'proposed', value: '12000.00' },
    });

    expect((await as.r1.post(`/api/v1/goals/proposals/${id}/approve`, {})).statusCode).toBe(403);
    expect((await as.m2.post(`/api/v1/goals/proposals/${id}/approve`, {})).statusCode).toBe(404);
    const returned = await as.m1.post(`/api/v1/goals/proposals/${id}/return`, { comment: '至少 14000' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned');
    expect((await as.m1.post(`/api/v1/goals/proposals/${id}/approve`, {})).statusCode).toBe(409);

    const again = await as.r1.post('/api/v1/goals/proposals', {
      period: '2026-Q1',
      scope: 'r1',
      metric: 'revenue',
      value: 14000,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, status: 'proposed', value: '14000.00' });

    const mine = (await as.m1.get('/api/v1/goals/proposals?status=proposed')).json().proposals;
    expect(mine.map((p: { id: string; canDecide: boolean }) => [p.id, p.canDecide])).toEqual([[id, true]]);
    const approved = await as.m1.post(`/api/v1/goals/proposals/${id}/approve`, { comment: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect(await goalValue('2026-Q1|r1|revenue|||')).toBe('14000');
    // Tracking reads the agreed goal.
    const report = (await as.r1.get('/api/v1/reports/metrics?period=2026-Q1&metrics=revenue')).json();
    expect(report.rows[0]).toMatchObject({ scope: 'r1', goals: { revenue: '14000.00' } });

    const history = (await as.r1.get('/api/v1/goals/proposals?scope=r1')).json().proposals[0];
    expect(
      history.events.map((e: { kind: string; actor: string; comment: string | null; value: string }) => [
        e.kind,
        e.actor,
        e.comment,
        e.value,
      ]),
    ).toEqual([
      ['proposed', 'r1', '一季度客户预算未到位', '12000.00'],
      ['returned', 'm1', '至少 14000', '12000.00'],
      ['proposed', 'r1', null, '14000.00'],
      ['approved', 'm1', '同意', '14000.00'],
    ]);
    expect((await as.r3.get('/api/v1/goals/proposals')).json().proposals).toEqual([]);

    const audit = (await as.admin.get('/api/v1/audit?pageSize=6')).json().rows;
    expect(audit.map((r: { action: string; entity: string }) => `${r.entity}:${r.action}`)).toEqual([
      'goal_proposals:approve',
      'goals:approve',
      'goal_proposals:propose',
      'goal_proposals:return',
      'goal_proposals:propose',
      'goals:cascade',
    ]);
    expect(audit[1]).toMatchObject({
      entityId: '2026-Q1|r1|revenue|||',
      before: { value: '15000' },
      after: { value: '14000' },
    });
  });

  it("lets a manager propose his unit's goal to his superior, never approve it himself", async () => {
    const proposed = await as.m1.post('/api/v1/goals/proposals', {
      period: '2026',
      scope: 'T1',
      metric: 'revenue',
      value: '280000',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id = proposed.json().id;
    expect((await as.m1.post(`/api/v1/goals/proposals/${id}/approve`, {})).statusCode).toBe(403);
    expect((await as.r1.post(`/api/v1/goals/proposals/${id}/approve`, {})).statusCode).toBe(403);
    expect((await as.fin1.post(`/api/v1/goals/proposals/${id}/approve`, {})).statusCode).toBe(403);
    const approved = await as.em.post(`/api/v1/goals/proposals/${id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await goalValue('2026|T1|revenue|||')).toBe('280000');
  });

  it('lets hr approve, and a rep propose only for himself', async () => {
    const proposal = (
      await as.r3.post('/api/v1/goals/proposals', {
        period: '2026',
        scope: 'r3',
        metric: 'visits',
        value: 40,
      })
    ).json();
    expect((await as.hr1.post(`/api/v1/goals/proposals/${proposal.id}/approve`, {})).statusCode).toBe(200);
    const forOther = await as.r1.post('/api/v1/goals/proposals', {
      period: '2026',
      scope: 'T1',
      metric: 'revenue',
      value: 1,
    });
    expect(forOther.statusCode).toBe(403);
    const unseen = await as.r1.post('/api/v1/goals/proposals', {
      period: '2026',
      scope: 'r2',
      metric: 'revenue',
      value: 1,
    });
    expect(unseen.statusCode).toBe(404);
    const noComment = await as.m1.post('/api/v1/goals/proposals/whatever/return', {});
    expect(noComment.json().error).toMatchObject({ code: 'validation_failed', field: 'comment' });
  });

  it('locks a period: every change then needs a reason, recorded in the audit log', async () => {
    expect((await as.r1.post('/api/v1/goals/locks', { period: '2026' })).statusCode).toBe(403);
    expect((await as.m1.post('/api/v1/goals/locks', { period: '2026' })).statusCode).toBe(403);
    const lock = await as.fin1.post('/api/v1/goals/locks', { period: '2026', reason: '年度目标已签字' });
    expect(lock.statusCode, lock.body).toBe(201);
    expect(lock.json()).toMatchObject({ period: '2026', lockedBy: 'fin1', reason: '年度目标已签字' });
    expect((await as.hr1.post('/api/v1/goals/locks', { period: '2026' })).statusCode).toBe(409);
    expect(await isPeriodLocked(t.db.kysely, '2026-03')).toBe(true);
    expect(await isPeriodLocked(t.db.kysely, '2027-01')).toBe(false);
    expect(
      (await as.r1.get('/api/v1/goals/locks')).json().locks.map((l: { period: string }) => l.period),
    ).toEqual(['2026']);

    const edit = await putGoal(as.em, { period: '2026-03', scope: 'T1', value: '1' });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error).toMatchObject({ code: 'validation_failed', field: 'reason' });
    const blank = await putGoal(as.em, { period: '2026-03', scope: 'T1', value: '1', reason: '  ' });
    expect(blank.json().error.field).toBe('reason');
    expect(
      (await putGoal(as.em, { period: '2026-03', scope: 'T1', value: '1', reason: '客户合并' })).statusCode,
    ).toBe(200);
    const audit = (await as.admin.get('/api/v1/audit?entity=goals&pageSize=1')).json().rows[0];
    expect(audit.detail).toMatchObject({ reason: '客户合并', locked: true });

    const split = await cascade(as.em, { period: '2026-Q1', scope: 'T1', method: 'equal' });
    expect(split.json().error).toMatchObject({ field: 'reason' });
    expect(
      (await cascade(as.em, { period: '2026-Q1', scope: 'T1', method: 'equal', dryRun: true })).statusCode,
    ).toBe(200);
    expect(
      (await cascade(as.em, { period: '2026-Q1', scope: 'T1', method: 'equal', reason: '调整' })).statusCode,
    ).toBe(200);

    const id = (
      await as.r1.post('/api/v1/goals/proposals', {
        period: '2026-Q2',
        scope: 'r1',
        metric: 'revenue',
        value: '9000',
      })
    ).json().id;
    const approve = await as.m1.post(`/api/v1/goals/proposals/${id}/approve`, {});
    expect(approve.json().error).toMatchObject({ field: 'reason' });
    expect((await as.m1.post(`/api/v1/goals/proposals/${id}/approve`, { reason: '新客户' })).statusCode).toBe(
      200,
    );

    expect((await as.m1.request({ method: 'DELETE', url: '/api/v1/goals/locks/2026' })).statusCode).toBe(403);
    const unlock = await as.hr1.request({ method: 'DELETE', url: '/api/v1/goals/locks/2026?reason=reopen' });
    expect(unlock.statusCode).toBe(200);
    const unlockAudit = (await as.admin.get('/api/v1/audit?entity=goal_locks')).json().rows;
    expect(unlockAudit.map((r: { action: string }) => r.action)).toEqual(['unlock', 'lock']);
    expect((await putGoal(as.em, { period: '2026-03', scope: 'T1', value: '2' })).statusCode).toBe(200);
    expect((await as.hr1.request({ method: 'DELETE', url: '/api/v1/goals/locks/2026' })).statusCode).toBe(
      404,
    );
  });
});
