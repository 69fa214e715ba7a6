/**
 * Issue 5, 2a: rows per second of each entity through the real import service (`importFile`,
 * the code behind `attain import`) against the database's own bulk load of the same rows into
 * the same, freshly migrated schema.
 */
import type { DatabaseConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import type { EntityName } from '../entities/entities.ts';
import { importFile } from '../imports/import.service.ts';
import { prestartValidationThread } from '../imports/validation-thread.ts';
import { type BenchData, csvOf, LOAD_ORDER } from './bench-data.ts';
import { type BenchDialect, dropDatabase, freshDatabase } from './bench-databases.ts';
import { bulkLoadFile } from './bulk-load.ts';

export interface ImportTiming {
  readonly dialect: BenchDialect;
  readonly entity: EntityName;
  readonly rows: number;
  /** The best of the runs after the first (steady state, as in a server that has imported before). */
  readonly importMs: number;
  readonly bulkMs: number;
  /** The first run of the process: its code not yet compiled by the JIT (a lone `attain import`). */
  readonly firstImportMs: number;
  readonly firstBulkMs: number;
}

/** Imports every file of `sample` one by one, in dependency order; fails loudly on an invalid row. */
export async function timeImports(
  config: DatabaseConfig,
  sample: BenchData,
): Promise<Map<EntityName, number>> {
  // Started before the clock, like module loading: `attain import` starts it while it opens the
  // database, a server on its first large import (docs/performance.md, import).
  await prestartValidationThread();
  const db = await openDatabase(config);
  const times = new Map<EntityName, number>();
  try {
    for (const entity of LOAD_ORDER) {
      const started = performance.now();
      const report = await importFile(db, csvOf(sample.dir, entity), {
        entity,
        actor: SYSTEM_ACTOR,
        source: `${entity}.csv`,
      });
      if (!report.ok)
        throw new Error(`import of ${entity} failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
      times.set(entity, performance.now() - started);
    }
  } finally {
    await db.close();
  }
  return times;
}

/** Bulk-loads every file of `data` in dependency order; returns the time per entity. */
export async function timeBulkLoads(
  config: DatabaseConfig,
  data: BenchData,
  trusted = false,
): Promise<Map<EntityName, number>> {
  const times = new Map<EntityName, number>();
  for (const entity of LOAD_ORDER) {
    const started = performance.now();
    await bulkLoadFile(config, data.dir, entity, trusted);
    times.set(entity, performance.now() - started);
  }
  return times;
}

/** Runs after the first whose per-file best is the steady rate (the first is reported apart). */
export const STEADY_RUNS = 5;

/**
 * Import and bulk load of the sample, each into a fresh database of `dialect`, in turn, 1 +
 * {@link STEADY_RUNS} times: the first runs show what a process's first import costs; the target
 * is judged on each file's best later run, as the close is on its best warm run (single runs of
 * 10–200 ms swing by ±15 % on this machine).
 */
export async function benchImports(
  dialect: BenchDialect,
  sample: BenchData,
  place: { dir: string; postgresUrl: string | null },
): Promise<ImportTiming[]> {
  const runs: { imported: Map<EntityName, number>; bulk: Map<EntityName, number> }[] = [];
  for (let run = 0; run <= STEADY_RUNS; run++) {
    const importDb = await freshDatabase(dialect, 'import', place);
    const imported = await timeImports(importDb, sample);
    await dropDatabase(importDb, place.postgresUrl);
    const bulkDb = await freshDatabase(dialect, 'bulk', place);
    const bulk = await timeBulkLoads(bulkDb, sample);
    await dropDatabase(bulkDb, place.postgresUrl);
    runs.push({ imported, bulk });
  }
  const [first, ...steady] = runs as [(typeof runs)[0], ...typeof runs];
  const best = (entity: EntityName, side: 'imported' | 'bulk') =>
    Math.min(...steady.map((run) => run[side].get(entity) ?? 0));
  return LOAD_ORDER.map((entity) => ({
    dialect,
    entity,
    rows: sample.counts[entity] ?? 0,
    importMs: best(entity, 'imported'),
    bulkMs: best(entity, 'bulk'),
    firstImportMs: first.imported.get(entity) ?? 0,
    firstBulkMs: first.bulk.get(entity) ?? 0,
  }));
}
