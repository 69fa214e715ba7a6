/**
 * Runs the close statements (close-sql.ts) on DuckDB (in memory, loaded from the same CSV
 * files), PostgreSQL and SQLite (the bench's loaded databases, with covering indexes), and
 * returns integer sums per scope.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseConfig } from '../../config.ts';
import { ENTITIES, type EntityName } from '../entities/entities.ts';
import { csvOf } from './bench-data.ts';
import type { CloseStatement, SqlDialect } from './close-sql.ts';

/** Integer sums of one scope: revenue, cost, orders, collected, new_customers, visits, … */
export type ScopeSums = Record<string, number>;
export type CloseSums = Map<string, ScopeSums>;

export interface SqlRunner {
  readonly dialect: SqlDialect;
  run(statements: readonly CloseStatement[]): Promise<CloseSums>;
  close(): Promise<void>;
}

/** The sum's name: statements call money `amount`, which is revenue for orders, collected for payments. */
const measureName = (family: string, column: string) =>
  column !== 'amount' ? column : family === 'payments' ? 'collected' : 'revenue';

function collect(sums: CloseSums, family: string, rows: Record<string, unknown>[]) {
  for (const row of rows) {
    const scope = String(row.scope);
    const entry = sums.get(scope) ?? {};
    for (const [column, value] of Object.entries(row)) {
      if (column !== 'scope') entry[measureName(family, column)] = Number(value ?? 0);
    }
    sums.set(scope, entry);
  }
}

const CLOSE_TABLES: readonly EntityName[] = [
  'units',
  'people',
  'unit_moves',
  'orders',
  'order_credits',
  'payments',
  'activities',
  'leads',
  'opportunities',
];

/** DuckDB's natural types: dates as DATE, money as BIGINT fen, booleans as 0/1 like the app. */
function duckLoadSql(dir: string, entity: EntityName): string {
  const spec = ENTITIES[entity];
  const read = spec.columns.map((c) => {
    const type = { date: 'DATE', money: 'DECIMAL(18,2)', integer: 'INTEGER', boolean: 'BOOLEAN' }[
      c.type as string
    ];
    return `'${c.name}': '${type ?? 'VARCHAR'}'`;
  });
  const select = spec.columns.map((c) =>
    c.type === 'money'
      ? `CAST(${c.name} * 100 AS BIGINT) AS ${c.name}`
      : c.type === 'boolean'
        ? `CAST(${c.name} AS INTEGER) AS ${c.name}`
        : c.name,
  );
  const file = csvOf(dir, entity).replaceAll("'", "''");
  return `CREATE TABLE ${spec.table} AS SELECT ${select.join(', ')}
    FROM read_csv('${file}', header = true, columns = {${read.join(', ')}})`;
}

export async function duckdbRunner(dataDir: string): Promise<{ runner: SqlRunner; loadMs: number }> {
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const entity of CLOSE_TABLES) await connection.run(duckLoadSql(dataDir, entity));
  const loadMs = performance.now() - started;
  const runner: SqlRunner = {
    dialect: 'duckdb',
    async run(statements) {
      const sums: CloseSums = new Map();
      for (const s of statements) {
        const reader = await connection.runAndReadAll(s.sql);
        collect(sums, s.family, reader.getRowObjects() as Record<string, unknown>[]);
      }
      return sums;
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
  return { runner, loadMs };
}

/** Covering indexes a DBA would add for these queries (beyond the app's own). */
const COVERING: readonly [string, string, string, string][] = [
  // name, table, key columns, included columns (folded into the key on SQLite)
  ['bench_orders_date', 'orders', 'date', 'id, rep_id, amount, cost'],
  ['bench_orders_first', 'orders', 'customer_id, date, id', ''],
  ['bench_payments_date', 'payments', 'date', 'id, order_id, amount'],
  ['bench_activities_date', 'activities', 'date', 'rep_id, type'],
  ['bench_leads_created', 'leads', 'created_on', 'rep_id'],
  ['bench_opportunities_closed', 'opportunities', 'closed_on', 'rep_id, won'],
];

export function coveringIndexSql(dialect: 'postgres' | 'sqlite'): string[] {
  return COVERING.map(([name, table, key, include]) =>
    dialect === 'postgres'
      ? `create index if not exists ${name} on ${table} (${key})${include ? ` include (${include})` : ''}`
      : `create index if not exists ${name} on ${table} (${include ? `${key}, ${include}` : key})`,
  );
}

/** Adds the covering indexes and fresh statistics (and the visibility map, for index-only scans). */
export async function prepareSqlDatabase(config: DatabaseConfig): Promise<void> {
  if (config.dialect === 'sqlite') {
    const db = new SqliteDatabase(config.path);
    try {
      for (const statement of coveringIndexSql('sqlite')) db.exec(statement);
      db.exec('analyze');
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    for (const statement of coveringIndexSql('postgres')) await client.query(statement);
    await client.query('vacuum analyze');
  } finally {
    await client.end();
  }
}

export async function postgresRunner(url: string): Promise<SqlRunner> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Analytic settings for this session: sorts and hashes in memory rather than on disk, and no
  // JIT compilation (it costs more than it saves on queries of a second or less).
  await client.query("set work_mem = '256MB'");
  await client.query('set jit = off');
  return {
    dialect: 'postgres',
    async run(statements) {
      const sums: CloseSums = new Map();
      for (const s of statements) collect(sums, s.family, (await client.query(s.sql)).rows);
      return sums;
    },
    close: () => client.end(),
  };
}

export function sqliteRunner(file: string): SqlRunner {
  const db = new SqliteDatabase(file, { readonly: true });
  db.pragma('cache_size = -1000000');
  return {
    dialect: 'sqlite',
    async run(statements) {
      const sums: CloseSums = new Map();
      for (const s of statements)
        collect(sums, s.family, db.prepare(s.sql).all() as Record<string, unknown>[]);
      return sums;
    },
    async close() {
      db.close();
    },
  };
}
