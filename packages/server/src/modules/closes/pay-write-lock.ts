import { PostgresAdapter, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

// Any constant works: it only has to be the same in every process (pg_advisory_xact_lock key).
const PAY_WRITER_LOCK = 7_243_004;

/**
 * Serializes writers of plan versions, close runs and approvals on PostgreSQL for the rest of
 * the transaction, so "max + 1" ids never collide and a freeze check (an approved run exists?)
 * cannot race a new run. SQLite has a single writer already.
 */
export async function lockPayWriters(trx: Transaction<Database>): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(${PAY_WRITER_LOCK})`.execute(trx);
  }
}
