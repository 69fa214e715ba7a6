import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildMetricsReport, type Period, parsePeriod } from '@attain/engine';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabaseArgs, describeDb } from '../../../test/db.ts';
import { openDatabase } from '../../db/database.ts';
import { loadFactStore } from '../tracking/fact-store.loader.ts';
import { type BenchData, ensureBenchData } from './bench-data.ts';
import { moneyToFen } from './bulk-load.ts';
import { CLOSE_AS_OF, CLOSE_METRICS, compareClose } from './close-bench.ts';
import {
  duckdbRunner,
  postgresRunner,
  prepareSqlDatabase,
  type SqlRunner,
  sqliteRunner,
} from './close-runners.ts';
import { closeStatements } from './close-sql.ts';
import { timeBulkLoads } from './import-bench.ts';
import { percentile } from './load-generator.ts';

it('converts money to fen exactly and takes percentiles by rank', () => {
  expect([moneyToFen('1234.5'), moneyToFen('-80.00'), moneyToFen('0.07'), moneyToFen('12')]).toEqual([
    123450, -8000, 7, 1200,
  ]);
  expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
  expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
});

// A smoke run of the bench's close (issue 5, 2b) on 2,000 orders: the SQL of every contender
// gives the engine's numbers, splits and a mid-year team move included.
describeDb('bench harness: the SQL close equals the engine', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'attain-bench-smoke-'));
  let database: Awaited<ReturnType<typeof createTestDatabaseArgs>>;
  let data: BenchData;

  beforeAll(async () => {
    data = await ensureBenchData(root, { orders: 2000, reps: 30, seed: 3 }, () => {});
    database = await createTestDatabaseArgs();
    await openDatabase(database.config).then((db) => db.close());
    await timeBulkLoads(database.config, data);
    await prepareSqlDatabase(database.config);
  }, 60_000);

  afterAll(async () => {
    await database?.drop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('checks every contender against the engine, quarter and year', async () => {
    const db = await openDatabase(database.config);
    const store = await loadFactStore(db.kysely);
    const people = await db.kysely.selectFrom('people').select('id').orderBy('id').execute();
    await db.close();
    const scopes = [
      ...people.map((p) => ({ kind: 'person' as const, id: p.id })),
      ...[...store.org.unitIds()].map((id) => ({ kind: 'unit' as const, id })),
    ];
    const duck = await duckdbRunner(data.dir);
    const runners: SqlRunner[] = [
      duck.runner,
      database.config.dialect === 'sqlite'
        ? sqliteRunner(database.config.path)
        : await postgresRunner(database.config.url),
    ];
    try {
      for (const key of ['2025-Q3', '2025']) {
        const period = parsePeriod(key) as Period;
        const { rows } = buildMetricsReport(store, {
          scopes,
          period,
          asOf: CLOSE_AS_OF,
          metrics: [...CLOSE_METRICS],
        });
        expect(rows.some((r) => r.kind === 'unit' && r.metrics.revenue !== '0.00')).toBe(true);
        for (const runner of runners) {
          const sums = new Map();
          for (const kind of ['person', 'unit'] as const) {
            const result = await runner.run(closeStatements(runner.dialect, kind, period.start, period.end));
            for (const [scope, s] of result) sums.set(`${kind}:${scope}`, s);
          }
          expect({ runner: runner.dialect, period: key, ...compareClose(rows, sums) }).toEqual({
            runner: runner.dialect,
            period: key,
            mismatches: 0,
            example: undefined,
          });
        }
      }
    } finally {
      for (const runner of runners) await runner.close();
    }
  }, 60_000);
});
