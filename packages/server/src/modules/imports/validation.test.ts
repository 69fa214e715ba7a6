import { beforeAll, describe, expect, it } from 'vitest';
import { describeDb, useTestDb } from '../../../test/db.ts';
import type { EntityName } from '../entities/entities.ts';
import { BAD_FILES as CASES } from './fixtures/bad-files.ts';
import { dumpTables, importCsv, importOk, seedCompany, useTempDir } from './fixtures/files.ts';

describeDb('import: every bad row is reported and nothing is written', () => {
  const t = useTestDb();
  const tmp = useTempDir();
  beforeAll(async () => {
    await seedCompany(t.db);
    await importOk(
      t.db,
      'orders',
      ['SO1', 'SO2', 'SO3'].map((id) => ({
        id,
        date: '2026-01-01',
        rep_id: 'R1',
        customer_id: 'C1',
        product_id: 'P1',
        amount: '10',
      })),
    );
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const before = await dumpTables(t.db);
      const report = await importCsv(t.db, tmp.dir, c.entity, c.rows);
      expect(report.errors).toEqual(c.errors);
      expect(report.ok).toBe(false);
      expect(await dumpTables(t.db)).toEqual(before);
    });
  }
});

describe('the cases above', () => {
  it('cover every entity with a rule beyond cell types', () => {
    const covered = new Set(CASES.map((c) => c.entity));
    for (const entity of [
      'people',
      'orders',
      'surveys',
      'opportunities',
      'leads',
      'complaints',
      'order_credits',
      'goals',
      'unit_moves',
      'units',
    ]) {
      expect(covered.has(entity as EntityName)).toBe(true);
    }
  });
});
