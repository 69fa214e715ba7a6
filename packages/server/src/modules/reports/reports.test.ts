import { CONTRACT_EXAMPLE_PLAN } from '@attain/engine';
import { beforeAll, expect, it } from 'vitest';
import { type Client, useTestApp } from '../../../test/app.ts';
import { describeDb } from '../../../test/db.ts';
import { insertSmallCompany } from '../../../test/fixtures/small-company.ts';

// Hand-computed on test/fixtures/small-company.ts (as of 2026-11-23, year 2026):
// r1: o-r1 1000.00 + half of o-split 2500.00 = 3500.00, goal 100000 → attainment 0.035.
// T1: r1 3500.00 + r2's July order 2000.00 (r2 moves to T2 on 2026-08-01) = 5500.00.
// T2: r2's September order 3000.00. EAST = 8500.00. WEST: r3 4000.00 + 2500.00 = 6500.00. HQ 15000.00.
describeDb('report metrics', () => {
  const t = useTestApp({ now: () => new Date('2026-11-23T10:00:00') });
  let admin: Client;
  let rep: Client;
  let manager: Client;

  beforeAll(async () => {
    await insertSmallCompany(t.db.kysely);
    await t.app.facts.refresh();
    admin = await t.signIn({ login: 'root', role: 'admin' });
    rep = await t.signIn({ login: 'r1', role: 'rep', personId: 'r1' });
    manager = await t.signIn({ login: 'm1', role: 'manager', personId: 'm1' });
  });

  const report = async (client: Client, query: string) => {
    const response = await client.get(`/api/v1/reports/metrics?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('credits persons and units, effective-dated, with goals, attainment and pacing', async () => {
    const body = await report(admin, 'period=2026&metrics=revenue,orders&by=person');
    expect(body).toMatchObject({
      period: '2026',
      start: '2026-01-01',
      end: '2026-12-31',
      as_of: '2026-11-23',
    });
    const r1 = body.rows.find((r: { scope: string }) => r.scope === 'r1');
    expect(r1).toEqual({
      scope: 'r1',
      kind: 'person',
      metrics: { revenue: '3500.00', orders: 2 },
      goals: { revenue: '100000.00' },
      attainment: { revenue: 0.035 },
      pacing: { revenue: 0.035 / (327 / 365) },
    });
    const units = await report(admin, 'period=2026&metrics=revenue&by=unit');
    const revenue = Object.fromEntries(
      units.rows.map((r: { scope: string; metrics: { revenue: string } }) => [r.scope, r.metrics.revenue]),
    );
    expect(revenue).toEqual({
      HQ: '15000.00',
      EAST: '8500.00',
      T1: '5500.00',
      T2: '3000.00',
      WEST: '6500.00',
      T3: '6500.00',
    });
  });

  it('answers null for zero denominators and limits rows with scope', async () => {
    const body = await report(
      admin,
      'period=2026-Q3&metrics=collection_rate,avg_order_value&by=unit&scope=EAST',
    );
    expect(body.rows.map((r: { scope: string }) => r.scope)).toEqual(['EAST', 'T1', 'T2']);
    const t1 = body.rows.find((r: { scope: string }) => r.scope === 'T1');
    expect(t1.metrics).toEqual({ collection_rate: 0, avg_order_value: 2000 });
    const west = await report(admin, 'period=2026-Q3&metrics=collection_rate&by=unit&scope=WEST');
    expect(west.rows[0].metrics.collection_rate).toBeNull();
  });

  it('applies data scope to rows', async () => {
    const own = await report(rep, 'period=2026&metrics=revenue');
    expect(own.rows.map((r: { scope: string }) => r.scope)).toEqual(['r1']);
    expect((await report(rep, 'period=2026&metrics=revenue&by=unit')).rows).toEqual([]);
    const team = await report(manager, 'period=2026&metrics=revenue&by=unit');
    expect(team.rows.map((r: { scope: string }) => r.scope)).toEqual(['T1']);
  });

  it('rejects a bad period or metric with the field named', async () => {
    const period = await admin.get('/api/v1/reports/metrics?period=2026-Q9');
    expect(period.statusCode).toBe(400);
    expect(period.json().error).toMatchObject({ code: 'validation_failed', field: 'period' });
    const metric = await admin.get('/api/v1/reports/metrics?period=2026&metrics=revenu');
    expect(metric.json().error.field).toBe('metrics');
  });

  it('exports CSV and XLSX', async () => {
    const csv = await admin.get('/api/v1/reports/metrics?period=2026&metrics=revenue&by=unit&format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('scope,kind,revenue,revenue:goal');
    const xlsx = await admin.get('/api/v1/reports/metrics?period=2026&metrics=revenue&format=xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  // Last: it applies a plan, which changes the calendar of every later report.
  it('follows the fiscal year of the latest applied plan (contract §7)', async () => {
    const yaml = CONTRACT_EXAMPLE_PLAN.replace('fiscal_year_start: 1', 'fiscal_year_start: 4');
    expect((await admin.post('/api/v1/plans', { yaml })).statusCode).toBe(201);
    const body = await report(admin, 'period=2026&metrics=revenue&by=unit&scope=HQ');
    expect(body).toMatchObject({ start: '2026-04-01', end: '2027-03-31' });
    // April 2026 on: r1's split half (April 1st) and r2's July and September orders.
    const hq = body.rows.find((r: { scope: string }) => r.scope === 'HQ');
    expect(hq.metrics.revenue).toBe('10000.00');
    const kpis = (await admin.get('/api/v1/dashboard/kpis?period=2026-Q1&scopeKind=unit&scopeId=HQ')).json();
    expect(kpis.period).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
  });
});
