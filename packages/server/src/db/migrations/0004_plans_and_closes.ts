import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

// Plans and closes (issue 4, docs/pay.md): every applied plan is a new version (contract §7
// `attain plan apply`: earlier versions stay readable); every close run is stored with the data
// fingerprint and its full results, so the CLI and the API share one history; approvals are
// recorded per approver. Ids are numbers the app assigns (max + 1 inside the writing transaction;
// the primary key refuses a concurrent duplicate). Frozen once released.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema
type Db = Kysely<any>;

const notNull = (col: ColumnDefinitionBuilder) => col.notNull();

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('plan_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('yaml', 'text', notNull)
    .addColumn('plan_json', 'text', notNull)
    .addColumn('applied_by', 'text', notNull)
    .addColumn('applied_at', 'text', notNull)
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('close_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('period', 'text', notNull)
    .addColumn('period_start', 'text', notNull)
    .addColumn('period_end', 'text', notNull)
    .addColumn('as_of', 'text', notNull)
    .addColumn('plan_version', 'integer', (c) => c.notNull().references('plan_versions.version'))
    // Fingerprint of the data: newest revision of the facts + hash of the goals read.
    .addColumn('data_revision', 'integer', notNull)
    .addColumn('goals_hash', 'text', notNull)
    // draft | manager_approved | finance_approved
    .addColumn('state', 'text', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('reason', 'text')
    .addColumn('previous_id', 'integer')
    .addColumn('result_json', 'text', notNull)
    .addColumn('explain_json', 'text', notNull)
    .execute();
  await db.schema.createIndex('close_runs_period').on('close_runs').columns(['period', 'id']).execute();

  // One row per approval: stage manager (with the approver's unit) or finance.
  await db.schema
    .createTable('close_approvals')
    .addColumn('close_id', 'integer', (c) => c.notNull().references('close_runs.id').onDelete('cascade'))
    .addColumn('n', 'integer', notNull)
    .addColumn('stage', 'text', notNull)
    .addColumn('approver', 'text', notNull)
    .addColumn('approver_role', 'text', notNull)
    .addColumn('person_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('at', 'text', notNull)
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('close_approvals_pk', ['close_id', 'n'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of ['close_approvals', 'close_runs', 'plan_versions']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
