/**
 * The write transaction of an import (modules/imports). On SQLite it runs with the connection's
 * foreign key enforcement off, and turns it back on when the transaction ends, committed or not.
 *
 * Why that is safe: before a row reaches the database the import has checked each of its
 * references itself — to a stored row or to a row of the same file (contract §1: an import
 * names every bad row, so it cannot leave that check to the database) — and every foreign key
 * of the schema is such a checked reference (proved by import-transaction.test.ts against the
 * schema's own `foreign_key_list`). Nothing deletes or renames a row that can be referenced, so a
 * reference checked before the transaction still holds at its commit.
 *
 * Why: SQLite otherwise looks up the parent row of every foreign key of every inserted row,
 * repeating that check — about a fifth of an import's insert time (docs/performance.md, import).
 * The pragma is a no-op inside a transaction, so it is set on the connection before `begin`;
 * the connection is held for the whole time, so no other statement runs with it off.
 *
 * PostgreSQL keeps its checks: its foreign keys are triggers that only a superuser may skip.
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

export async function importTransaction<T>(
  db: Db,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.dialect !== 'sqlite') return db.kysely.transaction().execute(work);
  return db.kysely.connection().execute(async (connection) => {
    await sql`pragma foreign_keys = off`.execute(connection);
    try {
      return await connection.transaction().execute(work);
    } finally {
      await sql`pragma foreign_keys = on`.execute(connection);
    }
  });
}
