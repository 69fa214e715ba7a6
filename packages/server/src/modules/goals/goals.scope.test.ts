import { beforeAll, expect, it } from 'vitest';
import type { Client } from '../../../test/app.ts';
import { useTestApp } from '../../../test/app.ts';
import { describeDb } from '../../../test/db.ts';
import { insertSmallCompany } from '../../../test/fixtures/small-company.ts';
import { cascade, putGoal, signInEveryone } from './goals.test-support.ts';

// Data scope on every goals endpoint (docs/goals.md §Who may do what): what a rep or manager
// may not see answers 404, what he sees but may not change answers 403.
describeDb('goals data scope and validation', () => {
  const t = useTestApp({ now: () => new Date('2026-11-23T10:00:00') });
  let as: Awaited<ReturnType<typeof signInEveryone>>;

  beforeAll(async () => {
    await insertSmallCompany(t.db.kysely);
    as = await signInEveryone(t);
  });

  const gridRows = async (client: Client, root: string) => {
    const response = await client.get(`/api/v1/goals/grid?year=2026&root=${root}`);
    if (response.statusCode !== 200) return response.statusCode;
    return response
      .json()
      .rows.map((r: { id: string; editable: boolean }) => `${r.id}${r.editable ? '*' : ''}`);
  };

  it('grid: a rep sees his unit path and himself, a manager his subtree, 404 outside', async () => {
    expect(await gridRows(as.r1, 'HQ')).toEqual(['HQ', 'EAST', 'T1', 'r1']);
    expect(await gridRows(as.r1, 'WEST')).toBe(404);
    expect(await gridRows(as.r1, 'T2')).toBe(404);
    expect(await gridRows(as.r1, 'nope')).toBe(404);
    expect(await gridRows(as.m1, 'EAST')).toEqual(['EAST', 'T1', 'm1', 'r1*']);
    expect(await gridRows(as.m1, 'T3')).toBe(404);
    expect(await gridRows(as.em, 'EAST')).toEqual(['EAST', 'em', 'T1*', 'm1*', 'r1*', 'T2*', 'm2*', 'r2*']);
    expect(await gridRows(as.em, 'WEST')).toBe(404);
    expect((await gridRows(as.hr1, 'HQ')).length).toBe(14);
    const cell = (await as.r1.get('/api/v1/goals/grid?year=2026&root=T1')).json().rows[0].cells['2026'];
    expect(cell).toMatchObject({ value: '300000.00', childrenSum: null, childrenGap: null });
  });

  it('edit: reps never, managers below themselves, hr/finance/admin everywhere', async () => {
    const status = async (client: Client, scope: string) =>
      (await putGoal(client, { period: '2026', scope, value: '1' })).statusCode;
    expect(await status(as.r1, 'r1')).toBe(403);
    expect(await status(as.r1, 'r2')).toBe(404);
    expect(await status(as.m1, 'r1')).toBe(200);
    expect(await status(as.m1, 'm1')).toBe(403);
    expect(await status(as.m1, 'T1')).toBe(403);
    expect(await status(as.m1, 'r3')).toBe(404);
    expect(await status(as.m1, 'T3')).toBe(404);
    expect(await status(as.em, 'T1')).toBe(200);
    expect(await status(as.em, 'T3')).toBe(404);
    for (const client of [as.hr1, as.fin1, as.admin]) expect(await status(client, 'r3')).toBe(200);
  });

  it('cascade: only into scopes the actor may write', async () => {
    await putGoal(as.admin, { period: '2026', scope: 'EAST', value: '100' });
    expect(
      (await cascade(as.m1, { period: '2026', scope: 'T1', method: 'equal', dryRun: true })).statusCode,
    ).toBe(200);
    expect(
      (await cascade(as.m1, { period: '2026', scope: 'EAST', method: 'equal', dryRun: true })).statusCode,
    ).toBe(403);
    expect(
      (await cascade(as.m2, { period: '2026', scope: 'T1', method: 'equal', dryRun: true })).statusCode,
    ).toBe(404);
    expect(
      (await cascade(as.r1, { period: '2026', scope: 'r1', split: 'months', method: 'equal' })).statusCode,
    ).toBe(403);
    expect((await cascade(as.r3, { period: '2026', scope: 'EAST', method: 'equal' })).statusCode).toBe(404);
  });

  it('proposals: nobody sees or decides a proposal outside his scope', async () => {
    const id = (
      await as.r1.post('/api/v1/goals/proposals', {
        period: '2026',
        scope: 'r1',
        metric: 'revenue',
        value: '1',
      })
    ).json().id;
    for (const client of [as.r3, as.m2]) {
      expect((await client.get('/api/v1/goals/proposals')).json().proposals).toEqual([]);
      expect((await client.post(`/api/v1/goals/proposals/${id}/approve`, {})).statusCode).toBe(404);
      expect((await client.post(`/api/v1/goals/proposals/${id}/return`, { comment: 'no' })).statusCode).toBe(
        404,
      );
    }
    expect((await as.r2.post(`/api/v1/goals/proposals/${id}/approve`, {})).statusCode).toBe(404);
    expect((await as.admin.post('/api/v1/goals/proposals/nope/approve', {})).statusCode).toBe(404);
    expect((await t.anonymous().get('/api/v1/goals/proposals')).statusCode).toBe(401);
  });

  it('names the field of every validation failure', async () => {
    const field = async (
      response: Promise<{ statusCode: number; json(): { error: { field?: string } } }>,
    ) => {
      const r = await response;
      expect(r.statusCode).toBe(400);
      return r.json().error.field;
    };
    expect(await field(putGoal(as.admin, { period: '2026', scope: 'T1', value: 'abc' }))).toBe('value');
    expect(await field(putGoal(as.admin, { period: '2026', scope: 'T1', value: '1.005' }))).toBe('value');
    expect(await field(putGoal(as.admin, { period: '2026', scope: 'T1', value: '-1' }))).toBe('value');
    expect(await field(putGoal(as.admin, { period: '2026', scope: 'T1', value: '1', floor: 'x' }))).toBe(
      'floor',
    );
    expect(await field(putGoal(as.admin, { period: '2026-Q5', scope: 'T1', value: '1' }))).toBe('period');
    expect(
      await field(putGoal(as.admin, { period: '2026', scope: 'T1', value: '1', metric: 'revenu' })),
    ).toBe('metric');
    expect(
      await field(putGoal(as.admin, { period: '2026', scope: 'T1', value: '1', filters: { colour: 'x' } })),
    ).toBe('filters');
    expect(
      await field(putGoal(as.admin, { period: '2026', scope: 'T1', value: '1', filters: { region: 'A|B' } })),
    ).toBe('filters.region');
    expect(await field(as.admin.get('/api/v1/goals/grid?year=2026'))).toBe('root');
    expect(await field(as.admin.get('/api/v1/goals/grid?year=soon&root=HQ'))).toBe('year');
    expect(
      await field(
        cascade(as.admin, { period: '2026', scope: 'EAST', method: 'weights', weights: { T9: 1 } }),
      ),
    ).toBe('weights.T9');
    expect(
      await field(
        cascade(as.admin, { period: '2026', scope: 'EAST', method: 'weights', weights: { T1: '-1' } }),
      ),
    ).toBe('weights.T1');
    expect(
      await field(cascade(as.admin, { period: '2026', scope: 'EAST', method: 'manual', values: { T1: 1 } })),
    ).toBe('values.T2');
    expect(
      await field(cascade(as.admin, { period: '2026', scope: 'EAST', method: 'equal', children: ['r1'] })),
    ).toBe('children');
    expect(await field(cascade(as.admin, { period: '2026', scope: 'r1', method: 'equal' }))).toBe('scope');
    expect(
      await field(cascade(as.admin, { period: '2026-03', scope: 'r1', split: 'months', method: 'equal' })),
    ).toBe('period');
    expect(await field(as.admin.post('/api/v1/goals/locks', { period: 'someday' }))).toBe('period');
  });
});
