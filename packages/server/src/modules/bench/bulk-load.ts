/**
 * The databases' own bulk load of the generated CSV rows into the app's schema (issue 5, 2a):
 * better-sqlite3 prepared inserts in one transaction per file, PostgreSQL COPY. Cells are
 * converted as the import converts them (money to integer fen, booleans to 0/1, empty to NULL)
 * so both end in identical rows; the files are the generator's, which never quotes a cell.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseConfig } from '../../config.ts';
import { ENTITIES, type EntityName } from '../entities/entities.ts';
import { csvOf } from './bench-data.ts';

type Cell = string | number | null;

/** "-1234.5" → -123450 (exact: integer arithmetic on the digits). */
export function moneyToFen(text: string): number {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const whole = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? '' : body.slice(dot + 1);
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0') || '0');
  return negative ? -fen : fen;
}

/** A converter from a CSV line of `entity` to the table's cells, in `columns` order. */
function lineConverter(entity: EntityName, header: string[]) {
  const spec = ENTITIES[entity];
  const columns = spec.columns.map((c) => c.name);
  const at = columns.map((name) => header.indexOf(name));
  const types = spec.columns.map((c) => c.type);
  const convert = (line: string): Cell[] => {
    const cells = line.split(',');
    return at.map((i, k) => {
      const text = i < 0 ? '' : (cells[i] as string);
      if (text === '') return null;
      switch (types[k]) {
        case 'money':
          return moneyToFen(text);
        case 'integer':
          return Number(text);
        case 'boolean':
          return text === 'true' ? 1 : 0;
        default:
          return text;
      }
    });
  };
  return { table: spec.table, columns, convert };
}

async function* fileLines(file: string) {
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  yield* readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
}

/**
 * Bulk-loads one CSV file; returns the number of rows. `trusted` skips foreign key checks and
 * durability (for preparing the bench's big databases from known-good files, not for timing).
 */
export async function bulkLoadFile(
  config: DatabaseConfig,
  dir: string,
  entity: EntityName,
  trusted = false,
): Promise<number> {
  return config.dialect === 'sqlite'
    ? bulkLoadSqlite(config.path, csvOf(dir, entity), entity, trusted)
    : bulkLoadPostgres(config.url, csvOf(dir, entity), entity, trusted);
}

async function bulkLoadSqlite(
  file: string,
  csv: string,
  entity: EntityName,
  trusted: boolean,
): Promise<number> {
  const db = new SqliteDatabase(file);
  // The app's own connection settings (db/database.ts).
  db.pragma('journal_mode = WAL');
  db.pragma(`foreign_keys = ${trusted ? 'OFF' : 'ON'}`);
  db.pragma(`synchronous = ${trusted ? 'OFF' : 'NORMAL'}`);
  // A 1 GB page cache keeps the indexes' pages in memory during a trusted multi-GB load.
  if (trusted) db.pragma('cache_size = -1000000');
  let rows = 0;
  try {
    let converter: ReturnType<typeof lineConverter> | null = null;
    let insert: SqliteDatabase.Statement | null = null;
    db.exec('begin');
    for await (const line of fileLines(csv)) {
      if (!converter) {
        converter = lineConverter(entity, line.split(','));
        const marks = converter.columns.map(() => '?').join(', ');
        insert = db.prepare(
          `insert into ${converter.table} (${converter.columns.join(', ')}) values (${marks})`,
        );
        continue;
      }
      (insert as SqliteDatabase.Statement).run(converter.convert(line));
      rows++;
    }
    db.exec('commit');
  } finally {
    if (db.inTransaction) db.exec('rollback');
    db.close();
  }
  return rows;
}

const copyCell = (cell: Cell) => (cell === null ? '' : String(cell));

async function bulkLoadPostgres(
  url: string,
  csv: string,
  entity: EntityName,
  trusted: boolean,
): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Foreign keys are triggers; a replica session does not fire them (superuser only).
  if (trusted) await client.query('set session_replication_role = replica');
  let rows = 0;
  try {
    const source = fileLines(csv);
    const first = await source.next();
    if (first.done) return 0;
    const converter = lineConverter(entity, first.value.split(','));
    await client.query('begin');
    const copy = client.query(
      copyFrom(`copy ${converter.table} (${converter.columns.join(', ')}) from stdin with (format csv)`),
    );
    // Rows go out in ~1 MB chunks; an empty unquoted CSV cell is NULL.
    async function* chunks() {
      let buffer: string[] = [];
      for await (const line of source) {
        buffer.push(converter.convert(line).map(copyCell).join(','));
        rows++;
        if (buffer.length >= 10_000) {
          yield `${buffer.join('\n')}\n`;
          buffer = [];
        }
      }
      if (buffer.length) yield `${buffer.join('\n')}\n`;
    }
    await pipeline(chunks, copy);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return rows;
}
