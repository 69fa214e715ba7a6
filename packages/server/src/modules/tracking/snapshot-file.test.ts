import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computeMetrics, type FactStore } from '@attain/engine';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeDb, type TestDb } from '../../../test/db.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import type { EntityName } from '../entities/entities.ts';
import { importRecords } from '../imports/import.service.ts';
import { dimensionsOf } from './fact-store.loader.ts';
import { LiveFacts } from './live-facts.ts';

const METRICS = ['revenue', 'orders', 'collected', 'visits', 'new_customers'];

const answers = (store: FactStore) => ({
  metrics: ['HQ', 'T1', 'p1', 'p2'].map(
    (id) =>
      computeMetrics(store, {
        scope: { kind: id.startsWith('p') ? 'person' : 'unit', id },
        period: '2026',
        asOf: '2026-12-31',
        metrics: METRICS,
      }).metrics,
  ),
  dimensions: dimensionsOf(store),
});

async function load(db: TestDb, entity: EntityName, rows: Record<string, unknown>[]) {
  const report = await importRecords(db, () => rows, { entity, actor: SYSTEM_ACTOR, source: 'test' });
  expect(report.errors).toEqual([]);
}

async function company(db: TestDb) {
  await load(db, 'units', [
    { id: 'HQ', name: '总部', kind: 'company' },
    { id: 'T1', name: '一部', parent_id: 'HQ', kind: 'team' },
  ]);
  await load(db, 'people', [
    { id: 'p1', name: '甲', unit_id: 'T1', role: 'rep', hire_date: '2024-01-01' },
    { id: 'p2', name: '乙', unit_id: 'HQ', role: 'rep', hire_date: '2024-01-01' },
  ]);
  await load(db, 'products', [{ id: 'X', name: 'X', line: '软件' }]);
  await load(db, 'customers', [{ id: 'c1', name: 'c1', type: 'smb', region: '华东' }]);
  await load(db, 'orders', [
    { id: 'o1', date: '2026-03-01', rep_id: 'p1', customer_id: 'c1', product_id: 'X', amount: '1000.00' },
    { id: 'o2', date: '2026-04-01', rep_id: 'p2', customer_id: 'c1', product_id: 'X', amount: '250.50' },
  ]);
}

// Cold start (issue 5): a restart restores the store from its snapshot file and catches up
// through the change feed; a file that belongs to another database is ignored.
describeDb('fact store snapshot file', () => {
  let db: TestDb;
  let other: TestDb;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attain-snapshot-'));
  const file = path.join(dir, 'facts.snapshot');
  const lines: string[] = [];
  const policy = { file, firstAfterMs: 0, log: (line: string) => lines.push(line) };

  beforeAll(async () => {
    db = await createTestDb();
    other = await createTestDb();
    await company(db);
    await company(other);
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
    await other?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('removes what a writer that died mid-write left aside', async () => {
    const left = `${file}.999999999.tmp`;
    fs.writeFileSync(left, 'half a snapshot');
    const live = new LiveFacts(db.kysely, { snapshot: policy });
    await live.current();
    await live.writeSnapshot();
    expect(fs.existsSync(left)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['facts.snapshot']);
  });

  it('restores the store, catches up on later imports and equals a build from the database', async () => {
    const first = new LiveFacts(db.kysely, { snapshot: policy });
    await first.current();
    await first.snapshotIfDue();
    expect(fs.existsSync(file)).toBe(true);
    await load(db, 'orders', [
      { id: 'o3', date: '2026-05-01', rep_id: 'p1', customer_id: 'c1', product_id: 'X', amount: '99.99' },
    ]);
    await load(db, 'activities', [{ id: 'a1', date: '2026-05-02', rep_id: 'p2', type: 'visit' }]);

    lines.length = 0;
    const restarted = new LiveFacts(db.kysely, { snapshot: policy });
    const restored = await restarted.current();
    expect(lines.join('\n')).toMatch(/restored from .*facts\.snapshot/);
    const built = await new LiveFacts(db.kysely).current();
    expect(answers(restored)).toEqual(answers(built));
    expect(answers(restored).metrics[0]).toMatchObject({ revenue: 135049, orders: 3, visits: 1 });
    expect(answers(restored).dimensions.region).toEqual(['华东']);
  });

  it('ignores the snapshot of another database with the same content', async () => {
    lines.length = 0;
    const live = new LiveFacts(other.kysely, { snapshot: policy });
    const store = await live.current();
    expect(lines.join('\n')).toMatch(/not used: revision \d+ differs in this database/);
    expect(answers(store).metrics[0]).toMatchObject({ orders: 2 });
  });

  it('saves the changes since the last snapshot when it stops', async () => {
    const live = new LiveFacts(db.kysely, { snapshot: policy });
    await live.current();
    await load(db, 'orders', [
      { id: 'o4', date: '2026-06-01', rep_id: 'p2', customer_id: 'c1', product_id: 'X', amount: '1.00' },
    ]);
    await live.refresh();
    await live.stop();
    lines.length = 0;
    const next = new LiveFacts(db.kysely, { snapshot: policy });
    const store = await next.current();
    expect(lines.join('\n')).toMatch(/restored/);
    expect(answers(store).metrics[0]).toMatchObject({ orders: 4 });
  });
});
