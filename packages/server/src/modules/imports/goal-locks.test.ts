import { beforeAll, expect, it } from 'vitest';
import { describeDb, useTestDb } from '../../../test/db.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { lockPeriod } from '../goals/locks.service.ts';
import { importRecords } from './import.service.ts';

// docs/goals.md: once a period's goals are locked, every change needs a reason — imports too.
describeDb('goal imports into a locked period', () => {
  const ctx = useTestDb();
  const goals = [{ period: '2026-Q1', scope: 'HQ', metric: 'revenue', value: '1000000' }];
  const importGoals = (reason?: string) =>
    importRecords(ctx.db, () => goals, { entity: 'goals', actor: SYSTEM_ACTOR, source: 'goals.csv', reason });

  beforeAll(async () => {
    await importRecords(ctx.db, () => [{ id: 'HQ', name: '总部', kind: 'company' }], {
      entity: 'units',
      actor: SYSTEM_ACTOR,
      source: 'units.csv',
    });
    await lockPeriod(ctx.db.kysely, SYSTEM_ACTOR, { period: '2026', reason: null }, new Date());
  });

  it('refuses the file without a reason and writes nothing', async () => {
    const report = await importGoals();
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      { row: 1, column: 'period', value: '', reason: expect.stringContaining('2026-Q1 are locked') },
    ]);
    expect(await ctx.db.kysely.selectFrom('goals').selectAll().execute()).toEqual([]);
  });

  it('imports with a reason and records it in the audit entry', async () => {
    const report = await importGoals('年中调整：大客户流失');
    expect(report).toMatchObject({ ok: true, inserted: 1 });
    const audit = await ctx.db.kysely
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'import')
      .where('entity', '=', 'goals')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail as string)).toMatchObject({
      lockedPeriods: ['2026-Q1'],
      reason: '年中调整：大客户流失',
    });
  });
});
