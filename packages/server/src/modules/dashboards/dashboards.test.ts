import { beforeAll, expect, it } from 'vitest';
import { type Client, useTestApp } from '../../../test/app.ts';
import { describeDb } from '../../../test/db.ts';
import { insertSmallCompany } from '../../../test/fixtures/small-company.ts';

// Figures hand-computed on test/fixtures/small-company.ts (see reports.test.ts), as of 2026-11-23.
describeDb('dashboards', () => {
  const t = useTestApp({ now: () => new Date('2026-11-23T10:00:00') });
  const as = {} as Record<'admin' | 'r1' | 'm1', Client>;

  beforeAll(async () => {
    await insertSmallCompany(t.db.kysely);
    await t.app.facts.refresh();
    as.admin = await t.signIn({ login: 'root', role: 'admin' });
    as.r1 = await t.signIn({ login: 'r1', role: 'rep', personId: 'r1' });
    as.m1 = await t.signIn({ login: 'm1', role: 'manager', personId: 'm1' });
  });

  const get = async (client: Client, url: string) => {
    const response = await client.get(`/api/v1/dashboard/${url}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it("opens a rep's KPI cards on himself, with goal, pacing and gap", async () => {
    const body = await get(as.r1, 'kpis?period=2026');
    expect(body.scope).toEqual({ kind: 'person', id: 'r1' });
    const revenue = body.cards.find((c: { metric: string }) => c.metric === 'revenue');
    expect(revenue).toMatchObject({
      actual: '3500.00',
      goal: '100000.00',
      gap: '96500.00',
      attainment: 0.035,
    });
    expect(revenue.pacing).toBeCloseTo(0.035 / (327 / 365), 12);
    expect(body.cards.find((c: { metric: string }) => c.metric === 'collection_rate').actual).toBe(0);
    expect(body.dimensions.product_line).toEqual(['软件']);
  });

  it('drills from the company to a region to a team', async () => {
    const hq = await get(as.admin, 'drill?period=2026&unitId=HQ');
    expect(hq.unit).toMatchObject({ id: 'HQ', actual: '15000.00' });
    expect(hq.rows.map((r: { id: string; actual: string }) => [r.id, r.actual])).toEqual([
      ['EAST', '8500.00'],
      ['WEST', '6500.00'],
      ['fin1', '0.00'],
      ['hr1', '0.00'],
    ]);
    const team = await get(as.m1, 'drill?period=2026');
    expect(team.unit.id).toBe('T1');
    expect(team.rows.map((r: { id: string }) => r.id)).toEqual(['m1', 'r1']);
  });

  it('ranks a leaderboard and builds the goal wall', async () => {
    const board = await get(as.admin, 'leaderboard?period=2026&unitId=EAST');
    expect(
      board.rows
        .slice(0, 2)
        .map((r: { id: string; rank: number; actual: string }) => [r.rank, r.id, r.actual]),
    ).toEqual([
      [1, 'r2', '5000.00'],
      [2, 'r1', '3500.00'],
    ]);
    const wall = await get(as.m1, 'goal-wall?period=2026');
    const r1 = wall.rows.find((r: { id: string }) => r.id === 'r1');
    expect(r1).toMatchObject({ goal: '100000.00', attainment: 0.035, unitName: '上海一部' });
  });

  it('breaks down by product line and trends by month with growth', async () => {
    const split = await get(as.admin, 'breakdown?period=2026&dimension=product_line');
    expect(split.rows).toEqual([expect.objectContaining({ value: '软件', actual: '15000.00' })]);
    const trend = await get(as.admin, 'trend?period=2026-Q3&metric=revenue&grain=month');
    expect(trend.points.map((p: { period: string; actual: string }) => [p.period, p.actual])).toEqual([
      ['2026-07', '2000.00'],
      ['2026-08', '0.00'],
      ['2026-09', '3000.00'],
    ]);
    expect(trend.points[2].growth).toBeNull();
    const weeks = await get(as.admin, 'trend?period=2026-09&grain=week');
    expect(weeks.points[0].period).toBe('2026-W36');
  });

  it('keeps every view inside the data scope', async () => {
    for (const url of [
      'kpis?scopeKind=unit&scopeId=EAST',
      'drill?unitId=T1',
      'leaderboard?unitId=T1',
      'kpis?scopeKind=person&scopeId=r2',
    ]) {
      expect((await as.r1.get(`/api/v1/dashboard/${url}`)).statusCode).toBe(404);
    }
    for (const url of [
      'drill?unitId=EAST',
      'goal-wall?unitId=HQ',
      'kpis?scopeKind=person&scopeId=r3',
      'trend?scopeKind=unit&scopeId=T3',
    ]) {
      expect((await as.m1.get(`/api/v1/dashboard/${url}`)).statusCode).toBe(404);
    }
    expect((await t.anonymous().get('/api/v1/dashboard/kpis')).statusCode).toBe(401);
    expect((await as.admin.get('/api/v1/dashboard/kpis?period=2026-Q9')).json().error.field).toBe('period');
  });
});
