import { computeMetrics, type FactStore } from '@attain/engine';
import { beforeAll, expect, it } from 'vitest';
import { describeDb, useTestDb } from '../../../test/db.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import type { EntityName } from '../entities/entities.ts';
import { importRecords } from '../imports/import.service.ts';
import { loadFactStore } from './fact-store.loader.ts';
import { LiveFacts } from './live-facts.ts';

const METRICS = ['revenue', 'orders', 'collected', 'visits', 'new_customers', 'gross_margin_rate'];

const snapshot = (store: FactStore) =>
  ['HQ', 'T1', 'T2', 'p1', 'p2', 'p3'].map(
    (id) =>
      computeMetrics(store, {
        scope: { kind: id.startsWith('p') ? 'person' : 'unit', id },
        period: '2026',
        asOf: '2026-12-31',
        metrics: METRICS,
      }).metrics,
  );

describeDb('live facts', () => {
  const ctx = useTestDb();
  let live: LiveFacts;

  const load = async (entity: EntityName, rows: Record<string, unknown>[]) => {
    const report = await importRecords(ctx.db, () => rows, {
      entity,
      actor: SYSTEM_ACTOR,
      source: `${entity}.test`,
    });
    expect(report.errors).toEqual([]);
  };

  beforeAll(async () => {
    await load('units', [
      { id: 'HQ', name: '总部', parent_id: '', kind: 'company' },
      { id: 'T1', name: '一部', parent_id: 'HQ', kind: 'team' },
      { id: 'T2', name: '二部', parent_id: 'HQ', kind: 'team' },
    ]);
    await load('people', [
      { id: 'p1', name: '甲', unit_id: 'T1', role: 'rep', hire_date: '2024-01-01' },
      { id: 'p2', name: '乙', unit_id: 'T1', role: 'rep', hire_date: '2024-01-01' },
      { id: 'p3', name: '丙', unit_id: 'T2', role: 'rep', hire_date: '2024-01-01' },
    ]);
    await load('products', [{ id: 'X', name: 'X', line: 'A' }]);
    await load('customers', [
      { id: 'c1', name: 'c1', type: 'smb' },
      { id: 'c2', name: 'c2', type: 'enterprise' },
    ]);
    live = new LiveFacts(ctx.db.kysely);
    await live.current();
  });

  it('applies each import incrementally and always equals a full rebuild', async () => {
    const steps: [EntityName, Record<string, unknown>[]][] = [
      [
        'orders',
        [
          {
            id: 'o1',
            date: '2026-03-01',
            rep_id: 'p1',
            customer_id: 'c1',
            product_id: 'X',
            amount: '1000.00',
            cost: '600',
          },
          {
            id: 'o2',
            date: '2026-04-01',
            rep_id: 'p2',
            customer_id: 'c2',
            product_id: 'X',
            amount: '500.50',
          },
        ],
      ],
      ['payments', [{ id: 'y1', date: '2026-05-01', order_id: 'o1', amount: '700' }]],
      [
        'order_credits',
        [
          { order_id: 'o1', rep_id: 'p1', share: '0.5' },
          { order_id: 'o1', rep_id: 'p3', share: '0.5' },
        ],
      ],
      [
        'orders',
        [
          {
            id: 'o1',
            date: '2026-03-01',
            rep_id: 'p1',
            customer_id: 'c1',
            product_id: 'X',
            amount: '1200.00',
            cost: '600',
          },
          {
            id: 'o3',
            date: '2026-09-01',
            rep_id: 'p2',
            customer_id: 'c1',
            product_id: 'X',
            amount: '-100.00',
          },
        ],
      ],
      ['order_credits', [{ order_id: 'o1', rep_id: 'p2', share: '1' }]],
      ['unit_moves', [{ person_id: 'p2', unit_id: 'T2', effective_from: '2026-06-01' }]],
      ['activities', [{ id: 'a1', date: '2026-02-02', rep_id: 'p3', type: 'visit' }]],
    ];
    for (const [entity, rows] of steps) {
      const before = live.appliedRevision;
      await load(entity, rows);
      const store = await live.refresh();
      expect(live.appliedRevision).toBeGreaterThan(before);
      expect(snapshot(store), `after ${entity}`).toEqual(snapshot(await loadFactStore(ctx.db.kysely)));
    }
    const [hq, t1, t2] = snapshot(await live.current());
    expect(hq?.revenue).toBe(120000 + 50050 - 10000);
    // p2 moved to T2 on 2026-06-01: April's o2 stays with T1, September's return goes to T2.
    expect(t1?.revenue).toBe(120000 + 50050);
    expect(t2?.revenue).toBe(-10000);
  });

  it('leaves the store alone when nothing changed', async () => {
    const store = await live.current();
    const revision = live.appliedRevision;
    expect(await live.refresh()).toBe(store);
    expect(live.appliedRevision).toBe(revision);
  });
});
