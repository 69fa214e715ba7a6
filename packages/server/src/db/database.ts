import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { keepingWriteStatements } from './sqlite-statements.ts';

// PostgreSQL returns int8 (our money sums and counts) as strings; every fen value fits a JS
// number exactly (|x| < 2^53), so parse them as numbers once, here.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => value);

export type Dialect = DatabaseConfig['dialect'];

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  close(): Promise<void>;
}

/** Opens the database (creating the SQLite file and folder if needed) and migrates it. */
export async function openDatabase(config: DatabaseConfig): Promise<Db> {
  const kysely = config.dialect === 'sqlite' ? openSqlite(config.path) : openPostgres(config.url);
  const db: Db = { kysely, dialect: config.dialect, close: () => kysely.destroy() };
  await migrateToLatest(kysely);
  return db;
}

function openSqlite(file: string): Kysely<Database> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingWriteStatements(sqlite) }) });
}

function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client whose server connection ends (a restart, a terminated backend) emits
  // 'error' on the pool; the pool drops that client and the next query opens a new one.
  // Unhandled, the event would crash the process.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
