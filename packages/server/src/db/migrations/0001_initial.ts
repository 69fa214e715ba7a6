import {
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  PostgresAdapter,
  sql,
} from 'kysely';

// Portable schema (STYLE.md §8): money as integer fen (bigint), dates as ISO text,
// booleans as 0/1 integers, decimals (shares, goal values) as exact decimal text.
// Foreign keys are deferred so an import may refer to rows later in the same file (contract §1).

// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema
type Db = Kysely<any>;
type Table = CreateTableBuilder<string, string>;

const DEFERRED = sql`deferrable initially deferred`;
const ref = (target: string) => (col: ColumnDefinitionBuilder) => col.references(target).modifyEnd(DEFERRED);
const notNullRef = (target: string) => (col: ColumnDefinitionBuilder) =>
  col.notNull().references(target).modifyEnd(DEFERRED);
const pk = (col: ColumnDefinitionBuilder) => col.primaryKey();
const notNull = (col: ColumnDefinitionBuilder) => col.notNull();

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

function withRepEvent(table: Table, dateColumn: string): Table {
  return table
    .addColumn('id', 'text', pk)
    .addColumn(dateColumn, 'text', notNull)
    .addColumn('rep_id', 'text', notNullRef('people.id'));
}

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'text', pk)
    .addColumn('name', 'text', notNull)
    .addColumn('parent_id', 'text', ref('units.id'))
    .addColumn('kind', 'text')
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', pk)
    .addColumn('name', 'text', notNull)
    .addColumn('email', 'text')
    .addColumn('unit_id', 'text', notNullRef('units.id'))
    .addColumn('role', 'text', notNull)
    .addColumn('title', 'text')
    .addColumn('hire_date', 'text', notNull)
    .addColumn('leave_date', 'text')
    .addColumn('manager_id', 'text', ref('people.id'))
    .execute();

  await db.schema
    .createTable('unit_moves')
    .addColumn('person_id', 'text', notNullRef('people.id'))
    .addColumn('unit_id', 'text', notNullRef('units.id'))
    .addColumn('effective_from', 'text', notNull)
    .addPrimaryKeyConstraint('unit_moves_pk', ['person_id', 'effective_from'])
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', pk)
    .addColumn('name', 'text', notNull)
    .addColumn('line', 'text', notNull)
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', pk)
    .addColumn('name', 'text', notNull)
    .addColumn('type', 'text')
    .addColumn('region', 'text')
    .execute();

  await withRepEvent(db.schema.createTable('orders'), 'date')
    .addColumn('customer_id', 'text', notNullRef('customers.id'))
    .addColumn('product_id', 'text', notNullRef('products.id'))
    .addColumn('amount', 'bigint', notNull)
    .addColumn('cost', 'bigint')
    .execute();

  await db.schema
    .createTable('order_credits')
    .addColumn('order_id', 'text', notNullRef('orders.id'))
    .addColumn('rep_id', 'text', notNullRef('people.id'))
    .addColumn('share', 'text', notNull)
    .addPrimaryKeyConstraint('order_credits_pk', ['order_id', 'rep_id'])
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', pk)
    .addColumn('date', 'text', notNull)
    .addColumn('order_id', 'text', notNullRef('orders.id'))
    .addColumn('amount', 'bigint', notNull)
    .execute();

  await withRepEvent(db.schema.createTable('activities'), 'date')
    .addColumn('type', 'text', notNull)
    .addColumn('customer_id', 'text', ref('customers.id'))
    .execute();

  await withRepEvent(db.schema.createTable('leads'), 'created_on')
    .addColumn('source', 'text')
    .addColumn('converted_on', 'text')
    .execute();

  await db.schema
    .createTable('opportunities')
    .addColumn('id', 'text', pk)
    .addColumn('rep_id', 'text', notNullRef('people.id'))
    .addColumn('customer_id', 'text', ref('customers.id'))
    .addColumn('created_on', 'text', notNull)
    .addColumn('amount', 'bigint', notNull)
    .addColumn('closed_on', 'text')
    .addColumn('won', 'integer')
    .execute();

  await withRepEvent(db.schema.createTable('surveys'), 'date')
    .addColumn('customer_id', 'text', ref('customers.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('score', 'integer', notNull)
    .execute();

  await withRepEvent(db.schema.createTable('complaints'), 'date')
    .addColumn('customer_id', 'text', ref('customers.id'))
    .addColumn('resolved_on', 'text')
    .execute();

  // Goals have no id: the key is period + scope + metric + filters (contract §1), kept as one column.
  await db.schema
    .createTable('goals')
    .addColumn('goal_key', 'text', pk)
    .addColumn('period', 'text', notNull)
    .addColumn('scope', 'text', notNull)
    .addColumn('metric', 'text', notNull)
    .addColumn('value', 'text', notNull)
    .addColumn('product_line', 'text')
    .addColumn('customer_type', 'text')
    .addColumn('region', 'text')
    .addColumn('floor', 'text')
    .addColumn('stretch', 'text')
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', pk)
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('person_id', 'text', ref('people.id'))
    .addColumn('role', 'text', notNull)
    .addColumn('display_name', 'text', notNull)
    .addColumn('password_hash', 'text', notNull)
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', notNull)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', pk)
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', notNull)
    .addColumn('expires_at', 'text', notNull)
    .execute();

  // Append-only: the application never updates or deletes audit rows.
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', isPostgres(db) ? 'bigserial' : 'integer', (c) =>
      isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', notNull)
    .addColumn('actor', 'text', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('entity', 'text', notNull)
    .addColumn('entity_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('detail', 'text')
    .execute();

  const indexes: [string, string, string[]][] = [
    ['orders_date', 'orders', ['date']],
    ['orders_rep_date', 'orders', ['rep_id', 'date']],
    ['orders_customer', 'orders', ['customer_id']],
    ['order_credits_rep', 'order_credits', ['rep_id']],
    ['payments_order', 'payments', ['order_id']],
    ['payments_date', 'payments', ['date']],
    ['activities_rep_date', 'activities', ['rep_id', 'date']],
    ['leads_rep_created', 'leads', ['rep_id', 'created_on']],
    ['opportunities_rep', 'opportunities', ['rep_id']],
    ['surveys_rep_date', 'surveys', ['rep_id', 'date']],
    ['complaints_rep_date', 'complaints', ['rep_id', 'date']],
    ['people_unit', 'people', ['unit_id']],
    ['goals_period_scope', 'goals', ['period', 'scope']],
    ['sessions_user', 'sessions', ['user_id']],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'audit_log',
    'sessions',
    'users',
    'goals',
    'complaints',
    'surveys',
    'opportunities',
    'leads',
    'activities',
    'payments',
    'order_credits',
    'orders',
    'customers',
    'products',
    'unit_moves',
    'people',
    'units',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
