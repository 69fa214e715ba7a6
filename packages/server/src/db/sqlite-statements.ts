/**
 * The better-sqlite3 handle as Kysely sees it, keeping the compiled form of writing statements.
 *
 * Kysely's SQLite driver prepares (compiles) a statement on every execution. For the import's
 * 1,000-row `INSERT`s — up to 13,000 parameters — compiling was about a tenth of an import's time
 * (docs/performance.md, import). Only statements that return no rows are kept: a reading
 * statement may still be iterating (Kysely's streamQuery) when the same SQL runs again, and
 * better-sqlite3 refuses a second use of a busy statement object. Writing statements run to the
 * end synchronously, so one object can serve every execution of its SQL.
 */
import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';

/** How many writing statements are kept (least recently used dropped first). */
export const KEPT_STATEMENTS = 32;

export function keepingWriteStatements(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const kept = new Map<string, SqliteDatabase.Statement>();
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
        return found as unknown as SqliteStatement;
      }
      const statement = sqlite.prepare(sql);
      if (!statement.reader) {
        kept.set(sql, statement);
        if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
      }
      return statement as unknown as SqliteStatement;
    },
  };
}
