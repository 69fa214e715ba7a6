import { type Kysely, PostgresAdapter } from 'kysely';

// The change feed of the in-memory fact store (modules/tracking/live-facts.ts): every write
// transaction takes one revision number and stamps it on each row it inserts or updates, so a
// server process can apply exactly the rows newer than the last revision it has seen.
// Frozen once released.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema
type Db = Kysely<any>;

export const REVISED_TABLES = [
  'units',
  'people',
  'unit_moves',
  'products',
  'customers',
  'orders',
  'order_credits',
  'payments',
  'activities',
  'leads',
  'opportunities',
  'surveys',
  'complaints',
] as const;

export async function up(db: Db): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('revisions')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .execute();
  for (const table of REVISED_TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('rev', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex(`${table}_rev`).on(table).column('rev').execute();
  }
}

export async function down(db: Db): Promise<void> {
  for (const table of REVISED_TABLES) {
    await db.schema.dropIndex(`${table}_rev`).execute();
    await db.schema.alterTable(table).dropColumn('rev').execute();
  }
  await db.schema.dropTable('revisions').execute();
}
