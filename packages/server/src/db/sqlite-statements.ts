/**
 * The better-sqlite3 handle as Kysely sees it, keeping the compiled form of writing statements.
 *
 * Kysely's SQLite driver prepares (compiles) a statement on every execution. For the import's
 * 1,000-row `INSERT`s — up to 13,000 parameters — compiling was about a tenth of an import's time
 * (docs/performance.md, import). Only statements that return no rows are kept: a reading
 * statement may still be iterating (Kysely's streamQuery) when the same SQL runs again, and
 * better-sqlite3 refuses a second use of a busy statement object. Writing statements run to the
 * end synchronously, so one object can serve every execution of its SQL.
 *
 * A writing statement can also run **once per row** in one execution: its SQL begins with
 * {@link eachRowOf}'s marker, and the parameters are the rows' parameters one after the other.
 * better-sqlite3 runs a one-row prepared `INSERT` 50,000 times in ~250 ms where 50 runs of a
 * 1,000-row `INSERT … VALUES (…), (…)` take ~330 ms (orders of the bench, foreign keys off), and
 * the loop stays inside one Kysely query, without an await per row (docs/performance.md, import).
 */
import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';

/** The marker of a statement run once per row of `width` parameters. */
export const eachRowOf = (width: number) => `/* each row of ${width} */ `;
const EACH_ROW = /^\/\* each row of (\d+) \*\/ /;

/** A one-row statement run over every row of its parameters; its changes are their sum. */
function eachRow(statement: SqliteDatabase.Statement, width: number): SqliteStatement {
  const refuse = () => {
    throw new Error('a statement run once per row returns no rows');
  };
  return {
    reader: false,
    all: refuse,
    iterate: refuse,
    run(parameters) {
      if (parameters.length % width !== 0)
        throw new Error(`${parameters.length} parameters are not rows of ${width}`);
      let changes = 0;
      let lastInsertRowid: number | bigint = 0;
      for (let i = 0; i < parameters.length; i += width) {
        const result = statement.run(parameters.slice(i, i + width));
        changes += result.changes;
        lastInsertRowid = result.lastInsertRowid;
      }
      return { changes, lastInsertRowid };
    },
  };
}

/** How many writing statements are kept (least recently used dropped first). */
export const KEPT_STATEMENTS = 32;

export function keepingWriteStatements(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    close: () => {
      kept.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      const found = kept.get(sql);
      if (found) {
        // Map order is insertion order: re-inserting marks it as the most recently used.
        kept.delete(sql);
        kept.set(sql, found);
        return found;
      }
      const prepared = sqlite.prepare(sql);
      const width = EACH_ROW.exec(sql)?.[1];
      const statement =
        width === undefined ? (prepared as unknown as SqliteStatement) : eachRow(prepared, Number(width));
      if (!statement.reader) {
        kept.set(sql, statement);
        if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
      }
      return statement;
    },
  };
}
