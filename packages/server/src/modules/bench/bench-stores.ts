/**
 * The bench's loaded databases: the whole data set bulk-loaded into SQLite and PostgreSQL once
 * per data set (a marker file records it), with the covering indexes of the SQL close. Later
 * runs with the same parameters reuse them.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import type { BenchData } from './bench-data.ts';
import { type BenchDialect, freshDatabase, pgUrlFor } from './bench-databases.ts';
import { prepareSqlDatabase } from './close-runners.ts';
import { timeBulkLoads } from './import-bench.ts';

export interface LoadedDatabase {
  readonly config: DatabaseConfig;
  /** Bulk load and index times of the first load (null when reused). */
  readonly loadMs: number | null;
  readonly indexMs: number | null;
}

/** Orders the visibility probe adds (ids start with this); removed before the close runs. */
export const PROBE_ID_PREFIX = 'XV';

export async function ensureLoaded(
  dialect: BenchDialect,
  data: BenchData,
  place: { dir: string; postgresUrl: string | null },
  log: (line: string) => void,
): Promise<LoadedDatabase> {
  const key = path.basename(data.dir).replace(/^data-/, '');
  const marker = path.join(data.dir, `loaded-${dialect}.json`);
  const name = `full_${key}`;
  const config: DatabaseConfig =
    dialect === 'sqlite'
      ? { dialect, path: path.join(place.dir, 'db', `${name}.db`) }
      : { dialect, url: pgUrlFor(place.postgresUrl as string, `attain_bench_${name.replaceAll('-', '_')}`) };
  if (fs.existsSync(marker) && (await reachable(config))) {
    await removeProbeRows(config);
    return { config, loadMs: null, indexMs: null };
  }
  log(`bulk-loading the data set into ${dialect}`);
  const fresh = await freshDatabase(dialect, name, place);
  let started = performance.now();
  await timeBulkLoads(fresh, data, true);
  const loadMs = performance.now() - started;
  log(`loaded in ${(loadMs / 1000).toFixed(1)} s; adding covering indexes`);
  started = performance.now();
  await prepareSqlDatabase(fresh);
  const indexMs = performance.now() - started;
  fs.writeFileSync(marker, JSON.stringify({ loadMs, indexMs }));
  return { config: fresh, loadMs, indexMs };
}

async function reachable(config: DatabaseConfig): Promise<boolean> {
  if (config.dialect === 'sqlite') return fs.existsSync(config.path);
  try {
    const db = await openDatabase(config);
    await db.close();
    return true;
  } catch {
    return false;
  }
}

/**
 * Deletes what a previous run's visibility probe imported, so every run closes the same data.
 * Plain driver calls, not openDatabase: cleaning up must not migrate (or fail on) a schema
 * that a newer checkout has moved on.
 */
export async function removeProbeRows(config: DatabaseConfig): Promise<void> {
  const statement = `delete from orders where id like '${PROBE_ID_PREFIX}%'`;
  if (config.dialect === 'sqlite') {
    const db = new SqliteDatabase(config.path);
    try {
      db.exec(statement);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
