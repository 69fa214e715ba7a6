import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

// Goal workflow (docs/goals.md): bottom-up proposals with their history, and period locks.
// Proposals live apart from `goals` so tracking keeps reading agreed values until approval.
// Frozen once released: change the schema with a new migration.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema
type Db = Kysely<any>;

const notNull = (col: ColumnDefinitionBuilder) => col.notNull();

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('goal_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('goal_key', 'text', notNull)
    .addColumn('period', 'text', notNull)
    .addColumn('scope', 'text', notNull)
    .addColumn('metric', 'text', notNull)
    .addColumn('product_line', 'text')
    .addColumn('customer_type', 'text')
    .addColumn('region', 'text')
    .addColumn('value', 'text', notNull)
    .addColumn('floor', 'text')
    .addColumn('stretch', 'text')
    // proposed | returned | approved
    .addColumn('status', 'text', notNull)
    .addColumn('proposed_by', 'text', notNull)
    .addColumn('proposer_person_id', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  // One row per step; `n` orders the steps of a proposal (timestamps may tie).
  await db.schema
    .createTable('goal_proposal_events')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('goal_proposals.id').onDelete('cascade'))
    .addColumn('n', 'integer', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('actor', 'text', notNull)
    .addColumn('at', 'text', notNull)
    .addColumn('comment', 'text')
    .addColumn('value', 'text')
    .addColumn('floor', 'text')
    .addColumn('stretch', 'text')
    .addPrimaryKeyConstraint('goal_proposal_events_pk', ['proposal_id', 'n'])
    .execute();

  await db.schema
    .createTable('goal_locks')
    .addColumn('period', 'text', (c) => c.primaryKey())
    .addColumn('locked_by', 'text', notNull)
    .addColumn('locked_at', 'text', notNull)
    .addColumn('reason', 'text')
    .execute();

  // At most one open (proposed or returned) proposal per goal: proposing again revises it.
  await db.schema
    .createIndex('goal_proposals_open_key')
    .on('goal_proposals')
    .column('goal_key')
    .unique()
    .where(sql.ref('status'), '<>', 'approved')
    .execute();
  await db.schema.createIndex('goal_proposals_key').on('goal_proposals').columns(['goal_key']).execute();
  await db.schema
    .createIndex('goal_proposals_status_period')
    .on('goal_proposals')
    .columns(['status', 'period'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of ['goal_proposal_events', 'goal_proposals', 'goal_locks']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
