import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';

type Executor = Kysely<Database> | Transaction<Database>;

// Any constant works: it only has to be the same in every process (pg_advisory_xact_lock key).
const WRITER_LOCK = 7_243_001;

/**
 * Starts a revision inside a write transaction and returns its number; stamp it on every row
 * the transaction inserts or updates (`rev` column). On PostgreSQL, writers are serialized by a
 * transaction-scoped advisory lock so revisions become visible in number order — otherwise a
 * reader could see revision 6 committed while 5 is still open and skip 5 forever. SQLite has a
 * single writer already.
 */
export async function beginRevision(
  trx: Transaction<Database>,
  actor: Actor,
  entity: string,
  now = new Date(),
): Promise<number> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`select pg_advisory_xact_lock(${WRITER_LOCK})`.execute(trx);
  }
  const row = await trx
    .insertInto('revisions')
    .values({ at: now.toISOString(), actor: actor.login, entity })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The newest committed revision (0 before any). */
export async function latestRevision(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('revisions')
    .select((eb) => eb.fn.max('id').as('last'))
    .executeTakeFirstOrThrow();
  return Number(row.last ?? 0);
}
